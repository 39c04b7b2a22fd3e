import { useCallback, useSyncExternalStore } from 'react'
import type { ArticleSession, SaveStatus } from '../collab/index.ts'

/** The session's save status, re-rendering whenever it changes. */
export function useSaveStatus(session: ArticleSession): SaveStatus {
  const subscribe = useCallback(
    (onChange: () => void) => {
      session.on('status', onChange)
      return () => session.off('status', onChange)
    },
    [session],
  )
  return useSyncExternalStore(subscribe, () => session.saveStatus)
}
