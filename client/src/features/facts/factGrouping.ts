import {
  CHECKED_KINDS,
  FACT_KINDS,
  FACT_STATUSES,
  type Author,
  type FactKind,
  type FactStatus,
} from '../../../../shared/article/index.ts'
import { entryText, type FactEntry } from './factEntries.ts'

/** How the facts panel groups tags. */
export type FactGrouping = 'kind' | 'status'

/** What the facts panel shows: one kind or all, one status or all, and words to look for. */
export interface FactFilter {
  kind: FactKind | 'all'
  status: FactStatus | 'all'
  search: string
}

/** Shows everything. */
export const NO_FILTER: FactFilter = { kind: 'all', status: 'all', search: '' }

/** One group of the panel: a kind or a status, with its tags in reading order. */
export interface FactGroup<K extends string = FactKind | FactStatus> {
  key: K
  entries: FactEntry[]
}

/** The panel's groups (vocabulary order, empty ones left out) and the orphans, which always stand apart. */
export interface GroupedFacts {
  groups: FactGroup[]
  orphans: FactEntry[]
}

/** Lower-cased, accents removed, whitespace runs as one space: what search compares. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}

/** The words a search looks in: the text, the quote when tagged, names, the note, sources. */
function searchableText(entry: FactEntry): string {
  const r = entry.record
  return [
    entryText(entry),
    r.quote,
    r.canonicalName,
    r.uri,
    r.note,
    r.speaker?.name ?? '',
    ...r.sources.flatMap((s) => [s.title, s.url, s.note]),
  ].join('\n')
}

/** The entries the filter lets through, in their order. Search matches every word, anywhere, ignoring case and accents. */
export function filterFacts(entries: readonly FactEntry[], filter: FactFilter): FactEntry[] {
  const words = fold(filter.search).split(' ').filter(Boolean)
  return entries.filter((entry) => {
    if (filter.kind !== 'all' && entry.record.kind !== filter.kind) return false
    if (filter.status !== 'all' && entry.record.status !== filter.status) return false
    if (words.length === 0) return true
    const haystack = fold(searchableText(entry))
    return words.every((word) => haystack.includes(word))
  })
}

/** Groups entries by kind or status, in the vocabulary's order; orphans go to their own list. */
export function groupFacts(entries: readonly FactEntry[], by: FactGrouping): GroupedFacts {
  const keys: readonly (FactKind | FactStatus)[] = by === 'kind' ? FACT_KINDS : FACT_STATUSES
  const groups = keys
    .map((key) => ({ key, entries: entries.filter((e) => !e.orphaned && (by === 'kind' ? e.record.kind : e.record.status) === key) }))
    .filter((group) => group.entries.length > 0)
  return { groups, orphans: entries.filter((e) => e.orphaned) }
}

/** How many entries have each kind and each status (every value present, zeros included). */
export function countFacts(entries: readonly FactEntry[]): { kinds: Record<FactKind, number>; statuses: Record<FactStatus, number> } {
  const kinds = Object.fromEntries(FACT_KINDS.map((k) => [k, 0])) as Record<FactKind, number>
  const statuses = Object.fromEntries(FACT_STATUSES.map((s) => [s, 0])) as Record<FactStatus, number>
  for (const { record } of entries) {
    kinds[record.kind]++
    statuses[record.status]++
  }
  return { kinds, statuses }
}

/** How far checking has come: verified claims and quotes out of all claims and quotes in the text. */
export interface FactProgress {
  verified: number
  total: number
}

/**
 * The progress figure: among the claims and quotes (CHECKED_KINDS, what the publishing gate
 * requires) still in the text, how many are verified. Orphans are left out: their words are gone.
 */
export function factProgress(entries: readonly FactEntry[]): FactProgress {
  const checked = entries.filter((e) => !e.orphaned && CHECKED_KINDS.includes(e.record.kind))
  return { verified: checked.filter((e) => e.record.status === 'verified').length, total: checked.length }
}

/** The latest recorded change to any tag: a tag made, or a status changed (by a person, or by Galley when `by` is null). */
export interface FactChange {
  tagId: string
  kind: FactKind
  /** The tag's words. */
  text: string
  by: Author | null
  at: string
  /** `tagged`, or the status it moved to. */
  change: { type: 'tagged' } | { type: 'status'; from: FactStatus | null; to: FactStatus }
}

/**
 * The most recent change the records say who made: tagging (createdBy/createdAt) and status
 * changes (history). Changes to sources, notes or names carry no author in the record, so they are
 * not seen here.
 */
export function lastFactChange(entries: readonly FactEntry[]): FactChange | null {
  let latest: FactChange | null = null
  const consider = (candidate: FactChange): void => {
    if (latest === null || candidate.at > latest.at) latest = candidate
  }
  for (const entry of entries) {
    const { record } = entry
    const base = { tagId: record.id, kind: record.kind, text: entryText(entry) }
    consider({ ...base, by: record.createdBy, at: record.createdAt, change: { type: 'tagged' } })
    for (const h of record.history) consider({ ...base, by: h.by, at: h.at, change: { type: 'status', from: h.from, to: h.to } })
  }
  return latest
}
