import { Observable } from 'lib0/observable'
import type * as Y from 'yjs'
// Directly from its file: shared/article/publish/index.ts also exports the converter, which pulls sanitize-html into the bundle.
import { MAX_OVERRIDE_REASON_CHARS, gatePasses, publishGate, type GateItem } from '../../../../shared/article/publish/publishGate.ts'

/** The checklist at one moment: every gate item (with the overrides applied), and whether it passes. */
export interface ChecklistSnapshot {
  items: readonly GateItem[]
  /** True when every item holds or is overridden: the Publish button may be used. */
  passes: boolean
  /** Items that neither hold nor are overridden, summary items (`threads`, `facts`, `orphans`) excluded. */
  blocking: number
  /** The overrides in force: only for items the gate lists as failing and overridable now. */
  overrides: Readonly<Record<string, string>>
}

/** Events a PublishChecklist emits. */
export interface PublishChecklistEvents {
  /** The snapshot changed (the document changed, or an override was set or removed). */
  change: (snapshot: ChecklistSnapshot) => void
}

const SUMMARY_ITEMS: ReadonlySet<string> = new Set(['threads', 'facts', 'orphans'])

/**
 * The publishing gate (shared/article/publish/publishGate.ts) computed live from the article's
 * document, with the overrides the publisher has given, reasons and all. Framework-free.
 *
 * It recomputes at most once per `delayMs` while the document changes (the gate walks the body; not
 * on every keystroke), and at once when an override changes or `refresh()` is called. An override
 * whose item is gone (the thread was resolved, the fact verified) is dropped, so a reason never
 * silently applies to something that returns later, and the server never gets an override it would
 * refuse as unknown.
 */
export class PublishChecklist extends Observable<keyof PublishChecklistEvents> {
  private current: ChecklistSnapshot
  private reasons: Record<string, string> = {}
  private timer: ReturnType<typeof setTimeout> | null = null
  private readonly onUpdate = () => {
    if (this.timer === null) this.timer = setTimeout(() => this.refresh(), this.delayMs)
  }

  constructor(
    readonly doc: Y.Doc,
    private readonly delayMs = 150,
  ) {
    super()
    this.current = this.compute()
    doc.on('update', this.onUpdate)
  }

  /** The checklist now (the same object until something in it changes). */
  get snapshot(): ChecklistSnapshot {
    return this.current
  }

  /**
   * Publishes anyway past one failing, overridable item, for `reason` (1–MAX_OVERRIDE_REASON_CHARS
   * characters after trimming). RangeError for an item that cannot be overridden or a bad reason.
   */
  setOverride(itemId: string, reason: string): void {
    const item = this.current.items.find((i) => i.id === itemId)
    if (!item || !item.overridable) throw new RangeError(`no overridable gate item ${JSON.stringify(itemId)}`)
    const trimmed = reason.trim()
    if (trimmed === '' || trimmed.length > MAX_OVERRIDE_REASON_CHARS) {
      throw new RangeError(`an override reason has 1–${MAX_OVERRIDE_REASON_CHARS} characters, not ${trimmed.length}`)
    }
    this.reasons = { ...this.reasons, [itemId]: trimmed }
    this.refresh()
  }

  /** Withdraws the override of `itemId` (nothing when there is none). */
  clearOverride(itemId: string): void {
    if (!(itemId in this.reasons)) return
    const { [itemId]: _removed, ...rest } = this.reasons
    this.reasons = rest
    this.refresh()
  }

  /** Withdraws every override (after a publication: the next one gives its reasons again). */
  clearOverrides(): void {
    if (Object.keys(this.reasons).length === 0) return
    this.reasons = {}
    this.refresh()
  }

  /** Recomputes now from the document as it is; emits `change` when the checklist differs. */
  refresh(): ChecklistSnapshot {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    const next = this.compute()
    if (!sameSnapshot(next, this.current)) {
      this.current = next
      this.emit('change', [next])
    }
    return this.current
  }

  override destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.doc.off('update', this.onUpdate)
    super.destroy()
  }

  private compute(): ChecklistSnapshot {
    // Overrides only for items failing and overridable now; publishGate ignores the rest anyway.
    const bare = publishGate(this.doc)
    const live = Object.fromEntries(Object.entries(this.reasons).filter(([id]) => bare.some((i) => i.id === id && i.overridable)))
    this.reasons = live
    const items = Object.keys(live).length > 0 ? publishGate(this.doc, live) : bare
    return {
      items,
      passes: gatePasses(items),
      blocking: items.filter((i) => !i.ok && i.overriddenBecause === undefined && !SUMMARY_ITEMS.has(i.id)).length,
      overrides: live,
    }
  }
}

function sameSnapshot(a: ChecklistSnapshot, b: ChecklistSnapshot): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
