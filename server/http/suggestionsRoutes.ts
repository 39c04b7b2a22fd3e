import { Router } from 'express'
import { ENTITY_KINDS, FACT_MARK, bodyPlainText, getDismissed, markedRanges, readFacts, readMeta, type FactKind } from '../../shared/article/index.ts'
import { Capability } from '../../shared/auth/index.ts'
import type { AccessService } from '../access/accessService.ts'
import type { DocumentRegistry } from '../documents/documentRegistry.ts'
import { principalOf } from './authenticate.ts'

/**
 * `GET /api/articles/:id/suggestions`: fact-tag suggestions for the article's body
 * (`[{kind, text, from, to, speaker?, date?}]`, offsets in its plain text), for anyone who may
 * read it (docs/facts.md). Entities already tagged are proposed at their other occurrences;
 * suggestions an editor dismissed and spans already tagged with the same kind are left out.
 * Detection runs on the server so the client bundle stays small and pipelines can call it.
 */
export function suggestionsRoutes(access: AccessService, registry: DocumentRegistry): Router {
  const router = Router({ mergeParams: true })
  // The detector (compromise, chrono-node) loads on the first request, not with every server.
  let detector: Promise<typeof import('../../shared/article/suggestions/index.ts')> | null = null
  router.get('/', async (req, res) => {
    const articleId = (req.params as { id: string }).id
    await access.require(principalOf(res), articleId, Capability.read)
    detector ??= import('../../shared/article/suggestions/index.ts')
    const { suggestFacts } = await detector
    const suggestions = await registry.withDocument(articleId, (live) => {
      const text = bodyPlainText(live.doc)
      const { datelineDate } = readMeta(live.doc)
      const facts = new Map(readFacts(live.doc).map((f) => [f.id, f]))
      const tagged = markedRanges(live.doc, FACT_MARK, 'tagId').flatMap((r) => {
        const fact = facts.get(r.id)
        return fact ? [{ kind: fact.kind, from: r.from, to: r.to }] : []
      })
      const knownEntities = tagged
        .filter((t) => ENTITY_KINDS.includes(t.kind))
        .map((t) => ({ kind: t.kind, text: text.slice(t.from, t.to) }))
      const dismissed = [...getDismissed(live.doc).values()] as Array<{ kind: FactKind; text: string }>
      return suggestFacts(text, { ...(datelineDate ? { datelineDate } : {}), knownEntities, dismissed }).filter(
        (s) => !tagged.some((t) => t.kind === s.kind && t.from < s.to && s.from < t.to),
      )
    })
    res.json(suggestions)
  })
  return router
}
