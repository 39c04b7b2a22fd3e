import { createContext, useContext } from 'react'
import type { GalleyConnection } from '../collab/index.ts'

/**
 * The signed-in user's one Socket.IO connection to this page's origin; every open article rides on
 * it. Provided by ConnectionProvider (app/) only while someone is signed in: the handshake carries
 * the session cookie, so a connection belongs to one user.
 */
export const ConnectionContext = createContext<GalleyConnection | null>(null)

/** The connection of the surrounding ConnectionProvider; throws outside one (a wiring bug). */
export function useConnection(): GalleyConnection {
  const connection = useContext(ConnectionContext)
  if (!connection) throw new Error('useConnection: render inside <ConnectionProvider> (signed-in pages only)')
  return connection
}
