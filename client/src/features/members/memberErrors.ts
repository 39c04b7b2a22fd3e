import { ErrorCode } from '../../../../shared/protocol/index.ts'
import type { ApiError } from '../../api/index.ts'

/** What went wrong adding `email`, in words for the share dialog. */
export function addMemberProblem(error: ApiError, email: string): string {
  if (error.code === ErrorCode.notFound) return `No account has the email ${email}. An admin can invite them first.`
  if (error.code === ErrorCode.conflict) return `${email} could not be added: ${error.message}`
  return memberChangeProblem(error)
}

/** What went wrong changing or removing a member, in words for the share dialog. */
export function memberChangeProblem(error: ApiError): string {
  switch (error.code) {
    case ErrorCode.conflict:
      return `Not changed: ${error.message || 'an article needs at least one owner.'}`
    case ErrorCode.forbidden:
      return 'Only the article’s owners and admins can change its members.'
    case ErrorCode.notFound:
      return 'That member or article no longer exists. Close the dialog and try again.'
    case ErrorCode.badRequest:
      return `Not changed: ${error.message}`
    default:
      return `Not changed: ${error.message}`
  }
}
