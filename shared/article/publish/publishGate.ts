import type * as Y from 'yjs'
import { COMMENT_MARK } from '../commentMark.ts'
import { FACT_MARK } from '../factMark.ts'
import { readFacts } from '../facts.ts'
import { CHECKED_KINDS } from '../factVocabulary.ts'
import { markedSpans } from '../markedSpans.ts'
import { readMeta } from '../articleDoc.ts'
import { readThreads } from '../threads.ts'
import { PUBLISHABLE_STATUSES, STATUS_LABELS, readStatus } from '../workflow.ts'

/** One item of the publishing checklist. */
export interface GateItem {
  /** Stable id: `headline`, `byline`, `dateline`, `status`, `threads`, `facts`, `orphans`, or `thread:<id>`, `fact:<id>`, `orphan:<id>`. */
  id: string
  label: string
  /** The item holds, or it was overridden (then `overriddenBecause` says why). */
  ok: boolean
  /** Whether an editor may publish anyway, giving a reason (per thread, unverified fact or orphan). */
  overridable: boolean
  /** The reason given, when overridden. */
  overriddenBecause?: string
}

/** Longest override reason (characters). */
export const MAX_OVERRIDE_REASON_CHARS = 500

const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/**
 * The publishing gate (docs/publishing.md): headline, byline and dateline present; the article ready
 * (or already published); no open comment threads, every claim and quote verified, and no orphaned
 * fact tags — each of those three may be overridden one by one with a reason. The client shows this
 * checklist; the server enforces the same function.
 */
export function publishGate(doc: Y.Doc, overrides: Readonly<Record<string, string>> = {}): GateItem[] {
  const meta = readMeta(doc)
  const status = readStatus(doc)
  const items: GateItem[] = [
    { id: 'headline', label: 'Headline present', ok: meta.headline.trim() !== '', overridable: false },
    { id: 'byline', label: 'Byline present', ok: meta.byline.trim() !== '', overridable: false },
    {
      id: 'dateline',
      label: 'Dateline place and date present',
      ok: meta.datelinePlace.trim() !== '' && meta.datelineDate !== '',
      overridable: false,
    },
    {
      id: 'status',
      label: PUBLISHABLE_STATUSES.includes(status) ? 'Status is Ready' : `Status is Ready (now ${STATUS_LABELS[status]})`,
      ok: PUBLISHABLE_STATUSES.includes(status),
      overridable: false,
    },
  ]
  const anchors = markedSpans(doc, COMMENT_MARK, 'threadId')
  const open = readThreads(doc).filter((t) => t.state === 'open')
  items.push({ id: 'threads', label: 'No open comment threads', ok: open.length === 0, overridable: false })
  for (const thread of open) {
    items.push({ id: `thread:${thread.id}`, label: `Open thread on “${clip(anchors.get(thread.id) ?? thread.quote)}”`, ok: false, overridable: true })
  }
  const facts = readFacts(doc)
  const spans = markedSpans(doc, FACT_MARK, 'tagId')
  const unverified = facts.filter((f) => CHECKED_KINDS.includes(f.kind) && f.status !== 'verified' && spans.has(f.id))
  items.push({ id: 'facts', label: 'Every claim and quote verified', ok: unverified.length === 0, overridable: false })
  for (const fact of unverified) {
    items.push({ id: `fact:${fact.id}`, label: `${fact.kind === 'quote' ? 'Quote' : 'Claim'} ${fact.status}: “${clip(spans.get(fact.id) ?? fact.quote)}”`, ok: false, overridable: true })
  }
  const orphans = facts.filter((f) => !spans.has(f.id))
  items.push({ id: 'orphans', label: 'No orphaned fact tags', ok: orphans.length === 0, overridable: false })
  for (const fact of orphans) {
    items.push({ id: `orphan:${fact.id}`, label: `Orphaned ${fact.kind} tag “${clip(fact.quote)}”`, ok: false, overridable: true })
  }
  // An overridden item counts as handled; a summary item is handled when all of its items are.
  for (const item of items) {
    const reason = overrides[item.id]?.trim()
    if (!item.ok && item.overridable && reason) {
      item.ok = true
      item.overriddenBecause = reason
    }
  }
  for (const [summary, prefix] of [['threads', 'thread:'], ['facts', 'fact:'], ['orphans', 'orphan:']] as const) {
    const item = items.find((i) => i.id === summary)!
    item.ok = items.every((i) => !i.id.startsWith(prefix) || i.ok)
  }
  return items
}

/** Ids an override may name: one thread, fact tag or orphan (it may have been handled meanwhile). */
export const OVERRIDABLE_ITEM_ID = /^(thread|fact|orphan):[A-Za-z0-9_-]{1,64}$/

/** True when every item holds or was overridden. */
export function gatePasses(items: readonly GateItem[]): boolean {
  return items.every((item) => item.ok)
}
