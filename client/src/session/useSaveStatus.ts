import type { ArticleSession, SaveStatus } from '../collab/index.ts'
import { useObservedValue } from './useObservedValue.ts'

/** The session's save status, re-rendering whenever it changes. */
export function useSaveStatus(session: ArticleSession): SaveStatus {
  return useObservedValue(session, 'status', () => session.saveStatus)
}
