import { useCallback, useSyncExternalStore } from 'react'
import { useAppServices } from '../../services/index.ts'
import { pickColor, type Identity } from './identity.ts'

/** The browser's identity (null before the first name is given) and a setter that keeps the colour. */
export function useIdentity(): [Identity | null, (name: string, color?: string) => void] {
  const { identity: store } = useAppServices()
  const identity = useSyncExternalStore(store.subscribe, store.get)
  const setIdentity = useCallback(
    (name: string, color?: string) => store.set({ name, color: color ?? store.get()?.color ?? pickColor() }),
    [store],
  )
  return [identity, setIdentity]
}
