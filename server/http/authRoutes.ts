import { Router, json } from 'express'
import { z } from 'zod'
import {
  MAX_EMAIL_LENGTH,
  MAX_PASSWORD_LENGTH,
  MAX_TOKEN_NAME_LENGTH,
  MAX_USER_NAME_LENGTH,
  type DemoAccount,
  type SignInResult,
} from '../../shared/auth/index.ts'
import { ErrorCode, GalleyError } from '../../shared/protocol/index.ts'
import type { AccountService } from '../accounts/accountService.ts'
import { clearSessionCookie, principalOf, setSessionCookie } from './authenticate.ts'
import { parseBody } from './parseBody.ts'
import { RateLimitedError, type SignInLimiter } from './signInLimiter.ts'

const SignInBody = z.strictObject({
  email: z.string().min(1).max(MAX_EMAIL_LENGTH),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
})
const SignUpBody = z.strictObject({
  invitation: z.string().min(1).max(200),
  name: z.string().max(MAX_USER_NAME_LENGTH),
  password: z.string().max(MAX_PASSWORD_LENGTH),
})
const NewTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(MAX_TOKEN_NAME_LENGTH),
  expiresInDays: z.number().int().min(1).max(366).optional(),
})

export interface AuthRoutesDeps {
  accounts: AccountService
  limiter: SignInLimiter
  /** The demo accounts, when demo mode is on. */
  demoAccounts: DemoAccount[] | null
}

/** `/api/auth`: sign in and out, who am I, demo accounts, sign-up by invitation, API tokens. */
export function authRoutes({ accounts, limiter, demoAccounts }: AuthRoutesDeps): Router {
  const router = Router()
  router.use(json({ limit: '16kb' }))

  router.post('/session', async (req, res) => {
    const body = parseBody(SignInBody, req.body)
    try {
      await limiter.attempt(req.ip ?? 'unknown', body.email)
    } catch (err) {
      if (err instanceof RateLimitedError) res.set('Retry-After', String(err.retryAfterSeconds))
      throw err
    }
    let signedIn
    try {
      signedIn = await accounts.signIn(body.email, body.password, { ip: req.ip, userAgent: req.get('user-agent') })
    } catch (err) {
      await limiter.outcome(req.ip ?? 'unknown', body.email, false)
      throw err
    }
    await limiter.outcome(req.ip ?? 'unknown', body.email, true)
    setSessionCookie(req, res, signedIn.token, signedIn.principal.expiresAt)
    const result: SignInResult = { token: signedIn.token, user: signedIn.principal.user, expiresAt: signedIn.principal.expiresAt }
    res.json(result)
  })

  router.delete('/session', async (req, res) => {
    const principal = principalOf(res)
    await accounts.revoke(principal)
    clearSessionCookie(req, res)
    res.status(204).end()
  })

  router.get('/me', (_req, res) => {
    res.json({ user: principalOf(res).user })
  })

  router.get('/demo', (_req, res) => {
    if (!demoAccounts) throw new GalleyError(ErrorCode.notFound, 'demo mode is off')
    res.json(demoAccounts)
  })

  router.get('/invitations/:token', async (req, res) => {
    res.json({ email: await accounts.invitationEmail(req.params.token) })
  })

  router.post('/signup', async (req, res) => {
    const body = parseBody(SignUpBody, req.body)
    const signedUp = await accounts.acceptInvitation(body.invitation, body.name, body.password, { ip: req.ip, userAgent: req.get('user-agent') })
    setSessionCookie(req, res, signedUp.token, signedUp.principal.expiresAt)
    const result: SignInResult = { token: signedUp.token, user: signedUp.principal.user, expiresAt: signedUp.principal.expiresAt }
    res.status(201).json(result)
  })

  router.get('/tokens', async (_req, res) => {
    res.json(await accounts.listApiTokens(principalOf(res)))
  })

  router.post('/tokens', async (req, res) => {
    const body = parseBody(NewTokenBody, req.body)
    res.status(201).json(await accounts.createApiToken(principalOf(res), body.name, body.expiresInDays))
  })

  router.delete('/tokens/:id', async (req, res) => {
    const principal = principalOf(res)
    const tokens = await accounts.listApiTokens(principal)
    if (!tokens.some((t) => t.id === req.params.id)) throw new GalleyError(ErrorCode.notFound, 'no such token')
    await accounts.revoke(principal, req.params.id)
    res.status(204).end()
  })

  return router
}
