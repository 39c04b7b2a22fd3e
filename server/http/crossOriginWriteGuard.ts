import type { RequestHandler } from 'express'
import { ErrorCode } from '../../shared/protocol/index.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * CSRF defence in depth for cookie-authenticated writes (beside SameSite=Lax and JSON-only bodies):
 * a write whose Origin header names another site is refused. Requests with a bearer token carry no
 * ambient credential and are not checked; requests without an Origin (old browsers send none on
 * same-origin requests; scripts) rely on SameSite.
 */
export function crossOriginWriteGuard(allowlist: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin')
    if (SAFE_METHODS.has(req.method) || origin === undefined || res.locals.authVia !== 'cookie') return next()
    const host = req.get('host')
    const allowed = allowlist.length > 0 ? allowlist.includes(origin) : origin === `${req.protocol}://${host}`
    if (allowed) return next()
    res.status(403).json({ error: { code: ErrorCode.forbidden, message: 'cross-origin request refused' } })
  }
}
