import type { OfflineCache, OfflineCacheState } from '../collab/index.ts'
import { useObservedValue } from './useObservedValue.ts'

/** The offline cache's state (loading, ready, unavailable), re-rendering when it changes. */
export function useOfflineCacheState(cache: OfflineCache): OfflineCacheState {
  return useObservedValue(cache, 'state', () => cache.state)
}
