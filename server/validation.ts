import type { z } from 'zod'
import { ErrorCode, GalleyError } from '../shared/protocol/index.ts'

/**
 * Parses a payload from a client (request body, query, command) with a schema, or throws
 * `bad-request` naming the first problem and where it is, prefixed by `what`.
 */
export function parseOrBadRequest<T>(schema: z.ZodType<T>, value: unknown, what = ''): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
    throw new GalleyError(ErrorCode.badRequest, `${what ? `${what}: ` : ''}${where}${issue?.message ?? 'invalid'}`)
  }
  return parsed.data
}
