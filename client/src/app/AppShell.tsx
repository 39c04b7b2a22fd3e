import type { ReactNode } from 'react'
import { AppHeader } from './AppHeader.tsx'

/** What every page shares: a skip link and the header. */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader />
      {children}
    </>
  )
}
