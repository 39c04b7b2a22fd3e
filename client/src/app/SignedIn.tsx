import type { ReactNode } from 'react'
import { RequireSignIn } from '../features/auth/index.ts'
import { ConnectionProvider } from './ConnectionProvider.tsx'

/** A page for signed-in users only: the sign-in guard, then the user's connection. */
export function SignedIn({ children }: { children: ReactNode }) {
  return (
    <RequireSignIn>
      <ConnectionProvider>{children}</ConnectionProvider>
    </RequireSignIn>
  )
}
