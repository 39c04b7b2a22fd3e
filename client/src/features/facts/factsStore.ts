import type * as Y from 'yjs'
import { Observable } from 'lib0/observable'
import { getBody, getDismissed, getFacts } from '../../../../shared/article/index.ts'
import { readFactEntries, type FactEntry } from './factEntries.ts'

/** What the facts panel and cards read: every tag with its text, and the dismissed suggestions' keys. */
export interface FactsSnapshot {
  /** Reading order, orphans last (readFactEntries). */
  entries: FactEntry[]
  byId: ReadonlyMap<string, FactEntry>
  /** `kind:text` of every dismissed suggestion (the `dismissed` map's keys). */
  dismissed: ReadonlySet<string>
}

/** Events a FactsStore emits. */
export interface FactsStoreEvents {
  /** `snapshot` is a new value. */
  change: () => void
}

/** How long typing may go on before the tags' texts are read again; record changes are read at once. */
const TEXT_SETTLE_MS = 150

function snapshotOf(doc: Y.Doc): FactsSnapshot {
  const entries = readFactEntries(doc)
  return { entries, byId: new Map(entries.map((e) => [e.record.id, e])), dismissed: new Set(getDismissed(doc).keys()) }
}

/**
 * The article's fact tags, live: a new snapshot after every change to the records or the dismissed
 * suggestions (at once), and after body edits (once typing pauses, TEXT_SETTLE_MS, since reading
 * every tag's text walks the whole body). Framework-free; views subscribe to `change`. It listens
 * to the document between start() and stop() (a view's effect), and may be started again.
 */
export class FactsStore extends Observable<keyof FactsStoreEvents> {
  private current: FactsSnapshot
  private timer: ReturnType<typeof setTimeout> | null = null
  private listening = false

  constructor(readonly doc: Y.Doc) {
    super()
    this.current = snapshotOf(doc)
  }

  /** The latest snapshot: the same object until something changed. */
  get snapshot(): FactsSnapshot {
    return this.current
  }

  /** Starts following the document (and reads it now). */
  start(): void {
    if (this.listening) return
    this.listening = true
    this.doc.on('afterTransaction', this.onTransaction)
    this.refresh()
  }

  /** Stops following the document; the snapshot stays. */
  stop(): void {
    if (!this.listening) return
    this.listening = false
    this.doc.off('afterTransaction', this.onTransaction)
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  /** Reads the document again now (tests, and before acting on a tag's text). */
  refresh(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.current = snapshotOf(this.doc)
    this.emit('change', [])
  }

  override destroy(): void {
    this.stop()
    super.destroy()
  }

  private onTransaction = (tr: Y.Transaction): void => {
    // changedParentTypes holds every type with a change inside it, roots included.
    const changed = tr.changedParentTypes as ReadonlyMap<unknown, unknown>
    if (changed.has(getFacts(this.doc)) || changed.has(getDismissed(this.doc))) this.refresh()
    else if (changed.has(getBody(this.doc)) && !this.timer) this.timer = setTimeout(() => this.refresh(), TEXT_SETTLE_MS)
  }
}
