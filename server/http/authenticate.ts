import type { Request, RequestHandler, Response } from 'express'
import { parse as parseCookie } from 'cookie'
import { ErrorCode, GalleyError } from '../../shared/protocol/index.ts'
import type { AccountService } from '../accounts/accountService.ts'
import type { Principal } from '../accounts/principal.ts'

/** The session cookie: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS. */
export const SESSION_COOKIE = 'galley_session'

/** The bearer secret of a request or handshake: `Authorization: Bearer …` first, else the session cookie. */
export function secretFromHeaders(headers: { authorization?: string | undefined; cookie?: string | undefined }): { secret: string; via: 'bearer' | 'cookie' } | null {
  const auth = headers.authorization
  if (auth?.startsWith('Bearer ')) return { secret: auth.slice('Bearer '.length).trim(), via: 'bearer' }
  const cookie = headers.cookie ? parseCookie(headers.cookie)[SESSION_COOKIE] : undefined
  return cookie ? { secret: cookie, via: 'cookie' } : null
}

/** Resolves the request's principal (or null) into `res.locals.principal`; never refuses by itself. */
export function authenticate(accounts: AccountService): RequestHandler {
  return async (req, res, next) => {
    const found = secretFromHeaders(req.headers)
    res.locals.principal = found ? await accounts.authenticate(found.secret) : null
    res.locals.authVia = found?.via ?? null
    next()
  }
}

/** The signed-in principal of a request; throws `unauthorized` when there is none. */
export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | null | undefined
  if (!principal) throw new GalleyError(ErrorCode.unauthorized, 'sign in first')
  return principal
}

/** The signed-in principal, who must be an admin (`forbidden` otherwise). */
export function adminOf(res: Response): Principal {
  const principal = principalOf(res)
  if (!principal.user.isAdmin) throw new GalleyError(ErrorCode.forbidden, 'only admins may do this')
  return principal
}

/** Sets the session cookie on a response. */
export function setSessionCookie(req: Request, res: Response, token: string, expiresAt: string): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
    expires: new Date(expiresAt),
  })
}

/** Clears the session cookie. */
export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' })
}
