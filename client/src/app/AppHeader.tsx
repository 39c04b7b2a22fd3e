import { useState } from 'react'
import { Link, NavLink } from 'react-router'
import { toApiError } from '../api/index.ts'
import { useAuth } from '../features/auth/index.ts'
import { userColor } from '../features/presence/index.ts'
import { hasUnsavedWork } from '../services/index.ts'

const UNSAVED_QUESTION =
  'Some of your changes are not saved yet, and this browser cannot keep them. Sign out anyway and lose them?'

/**
 * The top bar: the product name; for a signed-in user the article list, Admin (admins), their name,
 * Account and Sign out. Signing out asks first when changes exist only in this page, then loads the
 * sign-in page afresh, so nothing of the previous session (its socket, its open articles) lives on.
 * Changes kept in the offline copy stay there for the user's next sign-in in this browser.
 */
export function AppHeader() {
  const { state, auth } = useAuth()
  const [signingOut, setSigningOut] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const user = state.status === 'signed-in' ? state.user : null

  const signOut = async (): Promise<void> => {
    if (hasUnsavedWork() && !window.confirm(UNSAVED_QUESTION)) return
    setSigningOut(true)
    setProblem(null)
    try {
      await auth.signOut()
      window.location.assign('/signin')
    } catch (err) {
      setProblem(`Could not sign out: ${toApiError(err).message}`)
      setSigningOut(false)
    }
  }

  return (
    <header className="app-header">
      <Link to="/" className="app-header__brand">
        Galley
      </Link>
      {user && (
        <nav className="app-header__nav" aria-label="Main">
          <NavLink to="/" end className="app-header__link">
            Articles
          </NavLink>
          {user.isAdmin && (
            <NavLink to="/admin" className="app-header__link">
              Admin
            </NavLink>
          )}
        </nav>
      )}
      {user && (
        <div className="app-header__user">
          <span className="app-header__avatar" style={{ backgroundColor: userColor(user.id) }} aria-hidden="true">
            {user.name.slice(0, 1).toUpperCase()}
          </span>
          <span className="app-header__name" data-testid="user-name" title={user.email}>
            {user.name}
          </span>
          <NavLink to="/account" className="app-header__link">
            Account
          </NavLink>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => void signOut()}
            disabled={signingOut}
            data-testid="sign-out"
          >
            {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      )}
      {problem && (
        <p className="app-header__problem" role="alert">
          {problem}
        </p>
      )}
    </header>
  )
}
