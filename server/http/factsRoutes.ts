import { Router } from 'express'
import { FACT_MARK, markedSpans, readFacts } from '../../shared/article/index.ts'
import { Capability } from '../../shared/auth/index.ts'
import type { AccessService } from '../access/accessService.ts'
import type { DocumentRegistry } from '../documents/documentRegistry.ts'
import { principalOf } from './authenticate.ts'

/**
 * `GET /api/articles/:id/facts`: every fact-tag record with the text its mark covers now (`text`,
 * null when its text was deleted) and `orphaned`, for pipelines and the publishing gate (docs/facts.md).
 */
export function factsRoutes(access: AccessService, registry: DocumentRegistry): Router {
  const router = Router({ mergeParams: true })
  router.get('/', async (req, res) => {
    const articleId = (req.params as { id: string }).id
    await access.require(principalOf(res), articleId, Capability.read)
    res.json(
      await registry.withDocument(articleId, (live) => {
        const spans = markedSpans(live.doc, FACT_MARK, 'tagId')
        return readFacts(live.doc).map((fact) => ({ ...fact, text: spans.get(fact.id) ?? null, orphaned: !spans.has(fact.id) }))
      }),
    )
  })
  return router
}
