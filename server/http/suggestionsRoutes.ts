import { Router } from 'express'
import { bodyPlainText, readMeta } from '../../shared/article/index.ts'
import { suggestFacts } from '../../shared/article/suggestions/index.ts'
import { Capability } from '../../shared/auth/index.ts'
import type { AccessService } from '../access/accessService.ts'
import type { DocumentRegistry } from '../documents/documentRegistry.ts'
import { principalOf } from './authenticate.ts'

/**
 * `GET /api/articles/:id/suggestions`: fact-tag suggestions for the article's body
 * (`[{kind, text, from, to, speaker?, date?}]`, offsets in its plain text), for anyone who may
 * read it. Detection runs on the server so the client bundle stays small and pipelines can call it.
 */
export function suggestionsRoutes(access: AccessService, registry: DocumentRegistry): Router {
  const router = Router({ mergeParams: true })
  router.get('/', async (req, res) => {
    const articleId = (req.params as { id: string }).id
    await access.require(principalOf(res), articleId, Capability.read)
    const { text, datelineDate } = await registry.withDocument(articleId, (live) => ({
      text: bodyPlainText(live.doc),
      datelineDate: readMeta(live.doc).datelineDate,
    }))
    res.json(suggestFacts(text, datelineDate ? { datelineDate } : {}))
  })
  return router
}
