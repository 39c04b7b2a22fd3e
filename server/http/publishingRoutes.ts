import { Router, json } from 'express'
import { z } from 'zod'
import { ARTICLE_STATUSES } from '../../shared/article/index.ts'
import { MAX_OVERRIDE_REASON_CHARS } from '../../shared/article/publish/index.ts'
import type { PublishService } from '../publish/publishService.ts'
import { principalOf } from './authenticate.ts'
import { parseBody } from './parseBody.ts'

const PublishBody = z.strictObject({
  note: z.string().trim().max(2000).optional(),
  overrides: z.record(z.string().max(200), z.string().max(MAX_OVERRIDE_REASON_CHARS)).optional(),
})
const StatusBody = z.strictObject({ to: z.enum(ARTICLE_STATUSES), note: z.string().trim().max(2000).optional() })
const ProfileQuery = z.object({ profile: z.enum(['galley', 'ninjs']).default('galley'), download: z.enum(['1', 'true']).optional() })
const DiffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) })
const Version = z.coerce.number().int().min(1)

/**
 * Workflow and publishing under `/api/articles/:id` (docs/publishing.md): `POST /status`,
 * `GET /gate`, `POST /publish`, `GET /published[/:version]?profile=galley|ninjs`, `GET /versions`,
 * `GET /versions/diff?from&to`.
 */
export function publishingRoutes(publishing: PublishService): Router {
  const router = Router({ mergeParams: true })
  router.use(json({ limit: '64kb' }))
  const articleIdOf = (params: unknown) => (params as { id: string }).id

  router.post('/status', async (req, res) => {
    const body = parseBody(StatusBody, req.body)
    res.json({ status: await publishing.transition(principalOf(res), articleIdOf(req.params), body.to, body.note ?? '') })
  })

  router.get('/gate', async (req, res) => {
    res.json(await publishing.gate(principalOf(res), articleIdOf(req.params)))
  })

  router.post('/publish', async (req, res) => {
    const body = parseBody(PublishBody, req.body)
    const result = await publishing.publish(principalOf(res), articleIdOf(req.params), { note: body.note ?? '', overrides: body.overrides ?? {} })
    res.status(201).location(`${req.baseUrl}/published/${result.version}`).json(result)
  })

  const sendPublished = async (req: import('express').Request, res: import('express').Response, version?: number) => {
    const query = parseBody(ProfileQuery, req.query)
    const articleId = articleIdOf(req.params)
    const bytes = await publishing.published(principalOf(res), articleId, query.profile, version)
    res.type('application/json; charset=utf-8').set('X-Content-Type-Options', 'nosniff')
    if (query.download) res.attachment(`${articleId}-v${version ?? 'latest'}-${query.profile}.json`)
    res.send(bytes)
  }

  router.get('/published', (req, res) => sendPublished(req, res))
  router.get('/published/:version', (req, res) => sendPublished(req, res, parseBody(Version, (req.params as { version: string }).version)))

  router.get('/versions', async (req, res) => {
    res.json(await publishing.versions(principalOf(res), articleIdOf(req.params)))
  })

  router.get('/versions/diff', async (req, res) => {
    const query = parseBody(DiffQuery, req.query)
    res.json(await publishing.diff(principalOf(res), articleIdOf(req.params), query.from, query.to))
  })

  return router
}
