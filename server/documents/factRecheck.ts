import type { Logger } from 'pino'
import { FACT_MARK, getFacts, markedSpans, readFacts, writeFactChange } from '../../shared/article/index.ts'
import type { DocumentRegistry } from './documentRegistry.ts'
import type { LiveDocument } from './liveDocument.ts'

/** Per live document: whether it holds a verified tag, re-read only after the facts change. */
interface Watch {
  hasVerified: boolean | null
  scheduled: boolean
}

/**
 * A verification holds for the words that were checked (docs/facts.md): after clients change a
 * document, every `verified` tag whose text is no longer its `verifiedText` drops to
 * `needs-recheck`, with a history entry by Galley holding the new text (the `verified` entry before
 * it holds the checked one). Checks are coalesced per event-loop turn. A document without verified
 * tags costs nothing per keystroke: whether it has any is known from an observer on its facts and
 * read again only after they change. Returns the function that stops watching.
 */
export function startFactRecheck(registry: DocumentRegistry, logger: Logger): () => void {
  const watches = new WeakMap<LiveDocument, Watch>()

  function watchOf(live: LiveDocument): Watch {
    let watch = watches.get(live)
    if (!watch) {
      const created: Watch = { hasVerified: null, scheduled: false }
      // The observer lives as long as the document: both go when it unloads.
      getFacts(live.doc).observeDeep(() => {
        created.hasVerified = null
      })
      watches.set(live, (watch = created))
    }
    return watch
  }

  const check = (live: LiveDocument, watch: Watch) => {
    watch.scheduled = false
    if (registry.peek(live.id) !== live) return
    const verified = readFacts(live.doc, 'verified')
    watch.hasVerified = verified.length > 0
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
    if (origin?.kind !== 'client') return
    const watch = watchOf(live)
    if (watch.scheduled || watch.hasVerified === false) return
    watch.scheduled = true
    setImmediate(() => check(live, watch))
  })
}
