import { Router, json } from 'express'
import { z } from 'zod'
import { MAX_HEADLINE_CHARS, MAX_IMPORT_CHARS } from '../../shared/article/index.ts'
import { Capability } from '../../shared/auth/index.ts'
import type { AccessService } from '../access/accessService.ts'
import type { ArticleService } from '../articles/articleService.ts'
import { principalOf } from './authenticate.ts'
import { parseBody } from './parseBody.ts'

const CreateArticleBody = z.strictObject({
  headline: z.string().max(MAX_HEADLINE_CHARS).optional(),
  text: z.string().max(MAX_IMPORT_CHARS).optional(),
})

/**
 * `/api/articles`: list (the articles the user has a role on; admins see all), create (with the
 * plain-text importer; the creator becomes its owner), read one (any role; 404 without one).
 */
export function articlesRoutes(articles: ArticleService, access: AccessService): Router {
  const router = Router()
  router.use(json({ limit: '8mb' }))

  router.get('/', async (_req, res) => {
    res.json(await articles.listFor(principalOf(res).user))
  })

  router.post('/', async (req, res) => {
    const principal = principalOf(res)
    const body = parseBody(CreateArticleBody, req.body)
    const id = await articles.create(body, principal.user.id)
    res.status(201).location(`/a/${id}`).json({ id })
  })

  router.get('/:id', async (req, res) => {
    const role = await access.require(principalOf(res), req.params.id, Capability.read)
    res.json(await articles.get(req.params.id, role))
  })

  return router
}
