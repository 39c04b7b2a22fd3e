import type { z } from 'zod'
import { ErrorCode, GalleyError } from '../../shared/protocol/index.ts'

/** Parses a request body with a schema or throws `bad-request` naming the first problem. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
    throw new GalleyError(ErrorCode.badRequest, `${where}${issue?.message ?? 'invalid body'}`)
  }
  return parsed.data
}
