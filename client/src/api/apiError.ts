import type { ErrorCode } from '../../../shared/protocol/index.ts'

/** A failed API call: the server's error code and human message, or `unavailable` when it was unreachable. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The HTTP status, or 0 when no response arrived. */
    readonly status: number,
    /** For `rate-limited`: how long the server asked us to wait (its Retry-After), when it said. */
    readonly retryAfterSeconds: number | null = null,
    /** Extra top-level fields of the server's error body besides `error` (e.g. publishing's `gate`), unchecked. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message)
  }
}

/** `err` as an ApiError: itself, or an `internal` one carrying its text (a bug, not a server answer). */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  return new ApiError('internal', err instanceof Error ? err.message : String(err), 0)
}
