import { useSyncExternalStore } from 'react'
import type { AuthState, AuthStore } from '../../auth/index.ts'
import { useAppServices } from '../../services/index.ts'

/** The page's auth state (loading, signed in, signed out, unreachable) and the store to act on it. */
export function useAuth(): { state: AuthState; auth: AuthStore } {
  const { auth } = useAppServices()
  const state = useSyncExternalStore(auth.subscribe, auth.get)
  return { state, auth }
}
