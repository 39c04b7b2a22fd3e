import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { signInPath } from '../../auth/index.ts'
import { SignedInUserContext } from '../../services/index.ts'
import { useAuth } from './useAuth.ts'

/**
 * Renders `children` for a signed-in user (available to them through useSignedInUser); sends anyone
 * else to `/signin?next=<this address>` so they come back here after signing in. While the server
 * is asked, or cannot be reached, it says so rather than guess.
 */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { state, auth } = useAuth()
  const location = useLocation()

  switch (state.status) {
    case 'signed-in':
      return <SignedInUserContext value={state.user}>{children}</SignedInUserContext>
    case 'signed-out':
      return <Navigate to={signInPath(`${location.pathname}${location.search}${location.hash}`)} replace />
    case 'loading':
      return (
        <main id="main" className="page">
          <p className="list-message" role="status">
            Checking your sign-in…
          </p>
        </main>
      )
    case 'unreachable':
      return (
        <main id="main" className="page">
          <div className="list-message list-message--error" role="alert">
            <p>Could not reach the Galley server to check your sign-in: {state.error.message}</p>
            <button type="button" className="button" onClick={() => void auth.load()}>
              Try again
            </button>
          </div>
        </main>
      )
  }
}
