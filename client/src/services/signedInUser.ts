import { createContext, useContext } from 'react'
import type { PublicUser } from '../../../shared/auth/index.ts'

/** The signed-in user, provided by RequireSignIn to the pages it guards. */
export const SignedInUserContext = createContext<PublicUser | null>(null)

/** The signed-in user; throws outside RequireSignIn (a wiring bug: the page is not guarded). */
export function useSignedInUser(): PublicUser {
  const user = useContext(SignedInUserContext)
  if (!user) throw new Error('useSignedInUser: render inside <RequireSignIn>')
  return user
}
