import type { ApiTokenInfo } from '../../../../shared/auth/index.ts'
import { useFetched, type Fetched } from '../../ui/index.ts'
import { listTokens } from './tokensApi.ts'

/** The user's tokens as they load, newest first. */
export type TokensState = Fetched<ApiTokenInfo[]>

/** Fetches the user's API tokens on mount and on reload(). */
export function useTokens(): [TokensState, () => void] {
  return useFetched(async (signal) => [...(await listTokens(signal))].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), [])
}
