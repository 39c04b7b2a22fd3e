import { ErrorCode } from '../../../../shared/protocol/index.ts'
import type { ApiError } from '../../api/index.ts'

/** Why signing in failed, in words for the sign-in form. */
export function signInProblem(error: ApiError): string {
  switch (error.code) {
    case ErrorCode.unauthorized:
      return 'That email and password do not match an account. Check both and try again.'
    case ErrorCode.rateLimited:
      return error.retryAfterSeconds !== null
        ? `Too many sign-in attempts. Wait ${waitWords(error.retryAfterSeconds)} and try again.`
        : 'Too many sign-in attempts. Wait a minute and try again.'
    case ErrorCode.badRequest:
      return `Could not sign in: ${error.message}`
    default:
      return `Could not sign in: ${error.message}`
  }
}

/** "30 seconds", "2 minutes". */
export function waitWords(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} seconds`
  return `${Math.round(seconds / 60)} minutes`
}
