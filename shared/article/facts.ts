import * as Y from 'yjs'
import { getFacts } from './articleDoc.ts'
import type { FactKind, FactStatus } from './factVocabulary.ts'
import type { Author } from './threads.ts'

/** Limits on what a fact record holds. */
export const MAX_FACT_SOURCES = 50
export const MAX_FACT_TEXT_CHARS = 2_000

/** A source a fact-checker relied on. */
export interface FactSource {
  url: string
  title: string
  note: string
  /** When the source was consulted, YYYY-MM-DD ('' if unknown). */
  accessedAt: string
}

/** Who said a quote: a person tag of the article, or a name. */
export interface FactSpeaker {
  tagId: string | null
  name: string
}

/** One status change. `by` null: Galley itself (a verified text that changed). */
export interface FactHistoryEntry {
  by: Author | null
  at: string
  from: FactStatus | null
  to: FactStatus
  /** The tag's text at that moment: what was verified, or what it had become. */
  text: string
}

/** A fact tag's record, as stored in the article's `facts` map. */
export interface FactRecord {
  id: string
  kind: FactKind
  status: FactStatus
  /** The tagged text when the tag was made. */
  quote: string
  sources: FactSource[]
  speaker: FactSpeaker | null
  checkedAgainstRecording: boolean
  canonicalName: string
  uri: string
  note: string
  createdBy: Author
  createdAt: string
  /** The exact words that were verified, while the status is `verified` or `needs-recheck`. */
  verifiedText: string | null
  verifiedBy: Author | null
  verifiedAt: string | null
  /** Who last changed the record, and when (any field, not only the status); absent on records from before it was kept. */
  updatedBy?: Author | null
  updatedAt?: string | null
  history: FactHistoryEntry[]
}

/** The fields a fact command may change. */
export type FactPatch = Partial<Pick<FactRecord, 'kind' | 'status' | 'sources' | 'speaker' | 'checkedAgainstRecording' | 'canonicalName' | 'uri' | 'note'>>

/**
 * The Yjs shape of one record: a Y.Map of the fields above with `history` a Y.Array, so that two
 * status changes made at once are both kept.
 */
function recordMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const value = getFacts(doc).get(id)
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null
}

/** One fact record, or null. */
export function readFact(doc: Y.Doc, id: string): FactRecord | null {
  const map = recordMap(doc, id)
  if (!map) return null
  const history = map.get('history')
  const json = map.toJSON() as Omit<FactRecord, 'id' | 'history'>
  return {
    ...json,
    id,
    history: history instanceof Y.Array ? (history.toArray() as FactHistoryEntry[]) : [],
  }
}

/**
 * Every fact record, in creation order; with `status`, only the records that have it (the others
 * are not read at all, which keeps per-keystroke checks cheap on articles with many tags).
 */
export function readFacts(doc: Y.Doc, status?: FactStatus): FactRecord[] {
  const ids: string[] = []
  for (const [id, value] of getFacts(doc).entries()) {
    if (status === undefined || (value instanceof Y.Map && value.get('status') === status)) ids.push(id)
  }
  return ids
    .map((id) => readFact(doc, id))
    .filter((f): f is FactRecord => f !== null)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
}

/** Writes a new record. Call in the transaction that adds its mark. */
export function writeNewFact(doc: Y.Doc, record: Omit<FactRecord, 'history'>): void {
  const map = new Y.Map<unknown>()
  getFacts(doc).set(record.id, map)
  for (const [key, value] of Object.entries(record)) if (key !== 'id') map.set(key, value)
  map.set('history', new Y.Array<FactHistoryEntry>())
}

/** Changes fields of a record and appends a history entry when given; false when there is none. */
export function writeFactChange(doc: Y.Doc, id: string, fields: Partial<Omit<FactRecord, 'id' | 'history'>>, entry?: FactHistoryEntry): boolean {
  const map = recordMap(doc, id)
  if (!map) return false
  for (const [key, value] of Object.entries(fields)) map.set(key, value)
  if (entry) (map.get('history') as Y.Array<FactHistoryEntry>).push([entry])
  return true
}

/** Removes a record. */
export function deleteFact(doc: Y.Doc, id: string): void {
  getFacts(doc).delete(id)
}
