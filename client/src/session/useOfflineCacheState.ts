import { useCallback, useSyncExternalStore } from 'react'
import type { OfflineCache, OfflineCacheState } from '../collab/index.ts'

/** The offline cache's state (loading, ready, unavailable), re-rendering when it changes. */
export function useOfflineCacheState(cache: OfflineCache): OfflineCacheState {
  const subscribe = useCallback(
    (onChange: () => void) => {
      cache.on('state', onChange)
      return () => cache.off('state', onChange)
    },
    [cache],
  )
  return useSyncExternalStore(subscribe, () => cache.state)
}
