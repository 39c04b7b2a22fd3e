import { ErrorCode, type ErrorBody } from '../../../../shared/protocol/index.ts'

/** Why a comment change did not go through, as a sentence for the person who tried. */
export function commentProblem(error: ErrorBody | null): string {
  if (!error) return 'unknown error.'
  const said = error.message.trim().replace(/\.?$/, '.')
  switch (error.code) {
    case ErrorCode.forbidden:
      return `your role does not allow this (${said.replace(/\.$/, '')}).`
    case ErrorCode.notFound:
      return `it is no longer there (${said.replace(/\.$/, '')}).`
    case ErrorCode.rateLimited:
      return `too many changes at once; wait a moment. (${said.replace(/\.$/, '')})`
    case ErrorCode.notJoined:
      return 'the article is still connecting; try again in a moment.'
    default:
      return said.charAt(0).toLowerCase() + said.slice(1)
  }
}
