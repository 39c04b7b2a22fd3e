import { createContext, useContext } from 'react'
import type { AuthStore } from '../auth/index.ts'
import type { UserConnection } from './userConnection.ts'

/** The app-wide objects every view shares, built once in main.tsx and handed down by context. */
export interface AppServices {
  /** Who is signed in on this page, and the actions that sign in and out. */
  auth: AuthStore
  /** The signed-in user's Socket.IO connection (use it through ConnectionProvider and useConnection). */
  connection: UserConnection
}

/** Context carrying AppServices; null outside <AppServicesContext value={…}>. */
export const AppServicesContext = createContext<AppServices | null>(null)

/** The AppServices of the surrounding provider; throws when rendered outside one (a wiring bug). */
export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext)
  if (!services) throw new Error('useAppServices: render inside <AppServicesContext value={…}>')
  return services
}
