import { Link, NavLink } from 'react-router'
import type { Identity } from '../features/identity/index.ts'

interface AppHeaderProps {
  identity: Identity | null
  onChangeName: () => void
}

/** The top bar: the product name, the link to the article list, and who you are (with a way to change it). */
export function AppHeader({ identity, onChangeName }: AppHeaderProps) {
  return (
    <header className="app-header">
      <Link to="/" className="app-header__brand">
        Galley
      </Link>
      <nav className="app-header__nav" aria-label="Main">
        <NavLink to="/" end className="app-header__link">
          Articles
        </NavLink>
      </nav>
      {identity && (
        <div className="app-header__user">
          <span className="app-header__avatar" style={{ backgroundColor: identity.color }} aria-hidden="true">
            {identity.name.slice(0, 1).toUpperCase()}
          </span>
          <span className="app-header__name" data-testid="user-name">
            {identity.name}
          </span>
          <button type="button" className="button button--quiet button--small" onClick={onChangeName}>
            Change name
          </button>
        </div>
      )}
    </header>
  )
}
