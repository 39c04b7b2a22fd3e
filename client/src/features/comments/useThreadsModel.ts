import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import type { Author } from '../../../../shared/article/index.ts'
import type { ArticleCommands, ArticleSession } from '../../collab/index.ts'
import { ThreadsModel, type ThreadsSnapshot } from './threadsModel.ts'

/**
 * The article's ThreadsModel for the signed-in user, made when the session (or user) changes and
 * destroyed with it; null until the effect has run (StrictMode's second mount makes a fresh one).
 */
export function useThreadsModel(session: ArticleSession, commands: ArticleCommands, me: Author): ThreadsModel | null {
  const [model, setModel] = useState<ThreadsModel | null>(null)
  const { id, name } = me
  useEffect(() => {
    const next = new ThreadsModel(session.doc, session.articleId, commands, { id, name })
    setModel(next)
    return () => {
      setModel(null)
      next.destroy()
    }
  }, [session, commands, id, name])
  return model
}

const EMPTY: ThreadsSnapshot = { threads: [], openCount: 0 }

/** The model's threads, re-rendering whenever they change. */
export function useThreads(model: ThreadsModel | null): ThreadsSnapshot {
  const subscribe = useCallback(
    (onChange: () => void) => {
      model?.on('change', onChange)
      return () => model?.off('change', onChange)
    },
    [model],
  )
  return useSyncExternalStore(subscribe, () => model?.snapshot ?? EMPTY)
}
