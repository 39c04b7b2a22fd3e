import { Router, json } from 'express'
import { z } from 'zod'
import { MAX_HEADLINE_CHARS, MAX_IMPORT_CHARS } from '../../shared/article/index.ts'
import { ErrorCode, GalleyError, isArticleId } from '../../shared/protocol/index.ts'
import type { ArticleService } from '../articles/articleService.ts'

const CreateArticleBody = z.strictObject({
  headline: z.string().max(MAX_HEADLINE_CHARS).optional(),
  text: z.string().max(MAX_IMPORT_CHARS).optional(),
})

/** Parses a request body with a schema or throws `bad-request` naming the first problem. */
function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
    throw new GalleyError(ErrorCode.badRequest, `${where}${issue?.message ?? 'invalid body'}`)
  }
  return parsed.data
}

/** `/api/articles`: list, create (with the plain-text importer), read one. */
export function articlesRoutes(articles: ArticleService): Router {
  const router = Router()
  router.use(json({ limit: '8mb' }))

  router.get('/', async (_req, res) => {
    res.json(await articles.list())
  })

  router.post('/', async (req, res) => {
    const body = parseBody(CreateArticleBody, req.body)
    const id = await articles.create(body)
    res.status(201).location(`/a/${id}`).json({ id })
  })

  router.get('/:id', async (req, res) => {
    if (!isArticleId(req.params.id)) throw new GalleyError(ErrorCode.notFound, 'no such article')
    res.json(await articles.get(req.params.id))
  })

  return router
}
