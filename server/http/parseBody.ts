import type { z } from 'zod'
import { parseOrBadRequest } from '../validation.ts'

/** Parses a request body (an absent one counts as `{}`) with a schema or throws `bad-request` naming the first problem. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  return parseOrBadRequest(schema, body ?? {})
}
