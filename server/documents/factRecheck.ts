import type { Logger } from 'pino'
import { FACT_MARK, markedSpans, readFacts, writeFactChange } from '../../shared/article/index.ts'
import type { DocumentRegistry } from './documentRegistry.ts'
import type { LiveDocument } from './liveDocument.ts'

/**
 * A verification holds for the words that were checked (docs/facts.md): after clients change a
 * document, every `verified` tag whose text is no longer its `verifiedText` drops to
 * `needs-recheck`, with a history entry by Galley holding the new text (the `verified` entry before
 * it holds the checked one). Checks are coalesced per event-loop turn and skipped for documents
 * without verified tags. Returns the function that stops watching.
 */
export function startFactRecheck(registry: DocumentRegistry, logger: Logger): () => void {
  const scheduled = new WeakSet<LiveDocument>()
  const check = (live: LiveDocument) => {
    scheduled.delete(live)
    if (registry.peek(live.id) !== live) return
    const verified = readFacts(live.doc, 'verified')
    if (verified.length === 0) return
    const spans = markedSpans(live.doc, FACT_MARK, 'tagId')
    const changed = verified.map((f) => ({ fact: f, text: spans.get(f.id) ?? '' })).filter(({ fact, text }) => text !== fact.verifiedText)
    if (changed.length === 0) return
    const at = new Date().toISOString()
    registry
      .applyServerChange(live, 'recheck', (doc) => {
        for (const { fact, text } of changed) {
          writeFactChange(doc, fact.id, { status: 'needs-recheck' }, { by: null, at, from: 'verified', to: 'needs-recheck', text })
        }
      })
      .catch((err: unknown) => logger.error({ err, articleId: live.id }, 'could not store a fact recheck'))
  }
  return registry.onUpdate((live, _update, origin) => {
    if (origin?.kind !== 'client' || scheduled.has(live)) return
    scheduled.add(live)
    setImmediate(() => check(live))
  })
}
