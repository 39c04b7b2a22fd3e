import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { Logger } from 'pino'
import { ErrorCode, GalleyError, type ErrorBody } from '../../shared/protocol/index.ts'

const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.badRequest]: 400,
  [ErrorCode.badFrame]: 400,
  [ErrorCode.badUpdate]: 400,
  [ErrorCode.badAwareness]: 400,
  [ErrorCode.tooLarge]: 413,
  [ErrorCode.notFound]: 404,
  [ErrorCode.notJoined]: 409,
  [ErrorCode.unauthorized]: 401,
  [ErrorCode.forbidden]: 403,
  [ErrorCode.rateLimited]: 429,
  [ErrorCode.conflict]: 409,
  [ErrorCode.gate]: 409,
  [ErrorCode.storageFailed]: 503,
  [ErrorCode.unavailable]: 503,
  [ErrorCode.internal]: 500,
}

/** The HTTP status for an error code. */
export function httpStatus(code: ErrorCode): number {
  return STATUS[code]
}

/** The 4xx status an error from Express's own middleware carries, or null. */
function clientErrorStatus(err: unknown): number | null {
  const status = typeof err === 'object' && err !== null ? (err as { status?: unknown }).status : undefined
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null
}

/** `404 {error: {code: 'not-found'}}` for an API path nothing handled. */
export const apiNotFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: ErrorCode.notFound, message: `no route ${req.method} ${req.path}` } })
}

/**
 * Turns anything a route threw into `{error: {code, message}}` JSON: GalleyErrors with their code,
 * body-parser failures as bad-request / too-large, the rest as a logged, generic internal error.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let body: ErrorBody
    let details: Record<string, unknown> = {}
    if (err instanceof GalleyError) {
      body = { code: err.code, message: err.message }
      details = err.details ?? {}
    } else if (typeof err === 'object' && err !== null && 'type' in err && err.type === 'entity.too.large') {
      body = { code: ErrorCode.tooLarge, message: 'request body too large' }
    } else if (typeof err === 'object' && err !== null && 'type' in err && err.type === 'entity.parse.failed') {
      body = { code: ErrorCode.badRequest, message: 'request body is not valid JSON' }
    } else if (clientErrorStatus(err) === 404) {
      body = { code: ErrorCode.notFound, message: `no such file ${req.path}` }
    } else if (clientErrorStatus(err) !== null) {
      body = { code: ErrorCode.badRequest, message: (err as Error).message }
    } else {
      logger.error({ err, method: req.method, path: req.path }, 'request failed')
      body = { code: ErrorCode.internal, message: 'internal error' }
    }
    if (res.headersSent) return
    res.status(httpStatus(body.code)).json({ ...details, error: body })
  }
}
