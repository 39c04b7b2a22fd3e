import { useEffect, type ReactNode } from 'react'
import { ConnectionContext, useAppServices, useSignedInUser } from '../services/index.ts'

/**
 * Provides the signed-in user's Socket.IO connection (useConnection) to the pages below: one per user
 * for the life of the page (UserConnection). When the server refuses the session, the connection
 * stops and the auth store is told, which sends the user to the sign-in page (RequireSignIn) instead
 * of reconnecting in a loop.
 */
export function ConnectionProvider({ children }: { children: ReactNode }) {
  const { auth, connection: holder } = useAppServices()
  const { id: userId } = useSignedInUser()
  const connection = holder.for(userId)

  useEffect(() => {
    const onUnauthorized = (): void => auth.sessionEnded()
    connection.on('unauthorized', onUnauthorized)
    if (connection.signedOut) onUnauthorized()
    return () => connection.off('unauthorized', onUnauthorized)
  }, [auth, connection])

  return <ConnectionContext value={connection}>{children}</ConnectionContext>
}
