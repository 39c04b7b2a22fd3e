import { useEffect, useState } from 'react'
import { ErrorCode } from '../../../../shared/protocol/index.ts'
import { ApiError, toApiError } from '../../api/index.ts'
import { fetchInvitation } from '../../auth/index.ts'

/** An invitation as the sign-up page learns about it. */
export type InvitationState =
  | { status: 'loading' }
  | { status: 'valid'; email: string }
  /** Unknown, already used or expired (the server does not say which). */
  | { status: 'invalid' }
  | { status: 'failed'; error: ApiError }

/** Asks the server which email an invitation token is for. */
export function useInvitation(token: string | null): InvitationState {
  const [state, setState] = useState<{ token: string | null; value: InvitationState }>({ token, value: { status: 'loading' } })

  useEffect(() => {
    if (!token) return
    const abort = new AbortController()
    fetchInvitation(token, abort.signal).then(
      ({ email }) => {
        if (!abort.signal.aborted) setState({ token, value: { status: 'valid', email } })
      },
      (err: unknown) => {
        if (abort.signal.aborted) return
        const error = toApiError(err)
        setState({ token, value: error.code === ErrorCode.notFound ? { status: 'invalid' } : { status: 'failed', error } })
      },
    )
    return () => abort.abort()
  }, [token])

  if (!token) return { status: 'invalid' }
  return state.token === token ? state.value : { status: 'loading' }
}
