import { Router, json } from 'express'
import { z } from 'zod'
import { MAX_EMAIL_LENGTH, ROLES } from '../../shared/auth/index.ts'
import type { AccessService } from '../access/accessService.ts'
import { principalOf } from './authenticate.ts'
import { parseBody } from './parseBody.ts'

const AddMemberBody = z.strictObject({ email: z.string().min(1).max(MAX_EMAIL_LENGTH), role: z.enum(ROLES) })
const SetRoleBody = z.strictObject({ role: z.enum(ROLES) })

/** `/api/articles/:id/members`: list (any member), add, change, remove (owners and admins). */
export function membersRoutes(access: AccessService): Router {
  const router = Router({ mergeParams: true })
  router.use(json({ limit: '16kb' }))
  const articleId = (params: Record<string, string>) => params.id ?? ''

  router.get('/', async (req, res) => {
    res.json(await access.listMembers(principalOf(res), articleId(req.params)))
  })

  router.post('/', async (req, res) => {
    const body = parseBody(AddMemberBody, req.body)
    res.status(201).json(await access.addMemberByEmail(principalOf(res), articleId(req.params), body.email, body.role))
  })

  router.put('/:userId', async (req, res) => {
    const body = parseBody(SetRoleBody, req.body)
    res.json(await access.setRole(principalOf(res), articleId(req.params), req.params.userId, body.role))
  })

  router.delete('/:userId', async (req, res) => {
    await access.removeMember(principalOf(res), articleId(req.params), req.params.userId)
    res.status(204).end()
  })

  return router
}
