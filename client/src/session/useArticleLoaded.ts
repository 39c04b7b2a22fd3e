import { useEffect, useState } from 'react'
import type { ArticleSession } from '../collab/index.ts'
import { getBody } from '../../../shared/article/index.ts'
import type { OpenArticle } from './useArticleSession.ts'

/**
 * True once the article has content to edit: the server's state arrived, or this browser's offline
 * copy holds a body. Until then editing would start a second, empty story beside the real one.
 * It stays true for the session: a reconnect's resync must not lock the editor.
 */
export function useArticleLoaded({ session, cache }: OpenArticle): boolean {
  const [loadedSession, setLoadedSession] = useState<ArticleSession | null>(null)

  useEffect(() => {
    const check = (): void => {
      if (session.synced || (cache.state === 'ready' && getBody(session.doc).length > 0)) setLoadedSession(session)
    }
    check()
    session.on('synced', check)
    cache.on('state', check)
    return () => {
      session.off('synced', check)
      cache.off('state', check)
    }
  }, [session, cache])

  return loadedSession === session
}
