import { Router, json } from 'express'
import { z } from 'zod'
import { MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH, MAX_USER_NAME_LENGTH } from '../../shared/auth/index.ts'
import type { AccountService } from '../accounts/accountService.ts'
import type { Storage } from '../storage/index.ts'
import { adminOf } from './authenticate.ts'
import { parseBody } from './parseBody.ts'

const NewUserBody = z.strictObject({
  email: z.string().max(MAX_EMAIL_LENGTH),
  name: z.string().max(MAX_USER_NAME_LENGTH),
  password: z.string().max(MAX_PASSWORD_LENGTH),
  isAdmin: z.boolean().optional(),
})
const NewInvitationBody = z.strictObject({
  email: z.string().max(MAX_EMAIL_LENGTH),
  isAdmin: z.boolean().optional(),
})
const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
})

/** Admin-only routes: `/api/users`, `/api/invitations`, `/api/audit`. */
export function adminRoutes(accounts: AccountService, storage: Storage): Router {
  const router = Router()
  router.use(json({ limit: '16kb' }))

  router.get('/users', async (_req, res) => {
    adminOf(res)
    res.json(await accounts.listUsers())
  })

  router.post('/users', async (req, res) => {
    const admin = adminOf(res)
    res.status(201).json(await accounts.createUser(parseBody(NewUserBody, req.body), admin.user.id))
  })

  router.post('/invitations', async (req, res) => {
    const admin = adminOf(res)
    const body = parseBody(NewInvitationBody, req.body)
    res.status(201).json(await accounts.createInvitation(admin, body.email, body.isAdmin ?? false))
  })

  router.get('/audit', async (req, res) => {
    adminOf(res)
    const query = parseBody(AuditQuery, req.query)
    res.json(await storage.listAudit(query))
  })

  return router
}
