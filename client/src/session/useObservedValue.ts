import { useCallback, useSyncExternalStore } from 'react'
import type { Observable } from 'lib0/observable'

/** A value read from a lib0 Observable, re-rendering whenever it emits `event`. */
export function useObservedValue<E extends string, T>(source: Observable<E>, event: E, read: () => T): T {
  const subscribe = useCallback(
    (onChange: () => void) => {
      source.on(event, onChange)
      return () => source.off(event, onChange)
    },
    [source, event],
  )
  return useSyncExternalStore(subscribe, read)
}
