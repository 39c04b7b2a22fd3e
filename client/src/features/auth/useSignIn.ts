import { useCallback, useState } from 'react'
import { useNavigate } from 'react-router'
import { toApiError } from '../../api/index.ts'
import { safeNextPath } from '../../auth/index.ts'
import { signInProblem } from './signInProblem.ts'
import { useAuth } from './useAuth.ts'

/**
 * Signs in and goes to `next` (made safe: a path on this origin); `problem` says why it failed
 * (wrong credentials, too many attempts, server unreachable), `pending` while it is asked.
 */
export function useSignIn(next: string | null): {
  signIn: (email: string, password: string) => Promise<void>
  pending: boolean
  problem: string | null
} {
  const { auth } = useAuth()
  const navigate = useNavigate()
  const [pending, setPending] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const signIn = useCallback(
    async (email: string, password: string) => {
      setPending(true)
      setProblem(null)
      try {
        await auth.signIn(email, password)
        navigate(safeNextPath(next), { replace: true })
      } catch (err) {
        setProblem(signInProblem(toApiError(err)))
        setPending(false)
      }
    },
    [auth, navigate, next],
  )

  return { signIn, pending, problem }
}
