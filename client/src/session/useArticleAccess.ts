import type { ArticleAccess, ArticleSession } from '../collab/index.ts'
import { useObservedValue } from './useObservedValue.ts'

/** The user's role on the open article, whether they may write, and whether access was removed; live. */
export function useArticleAccess(session: ArticleSession): ArticleAccess {
  return useObservedValue(session, 'access', () => session.access)
}
