import { createContext, useContext } from 'react'
import type { GalleyConnection } from '../collab/index.ts'
import type { IdentityStore } from '../features/identity/index.ts'

/** The app-wide objects every view shares, built once in main.tsx and handed down by context. */
export interface AppServices {
  /** The one Socket.IO connection to this page's origin; every open article rides on it. */
  connection: GalleyConnection
  /** The display name and colour chosen in this browser. */
  identity: IdentityStore
}

/** Context carrying AppServices; null outside <AppServicesContext value={…}>. */
export const AppServicesContext = createContext<AppServices | null>(null)

/** The AppServices of the surrounding provider; throws when rendered outside one (a wiring bug). */
export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext)
  if (!services) throw new Error('useAppServices: render inside <AppServicesContext value={…}>')
  return services
}
