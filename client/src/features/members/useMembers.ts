import type { ArticleMember } from '../../../../shared/auth/index.ts'
import { useFetched, type Fetched } from '../../ui/index.ts'
import { listMembers } from './membersApi.ts'
import { sortMembers } from './memberOrder.ts'

/** An article's member list as it loads, strongest role first. */
export type MembersState = Fetched<ArticleMember[]>

/** Fetches the article's members on mount, when `refresh` changes, and on reload(). */
export function useMembers(articleId: string, refresh: unknown = null): [MembersState, () => void] {
  return useFetched(async (signal) => sortMembers(await listMembers(articleId, signal)), [articleId, refresh])
}
