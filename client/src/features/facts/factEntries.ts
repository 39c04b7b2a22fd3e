import type * as Y from 'yjs'
import { BLOCK_SEPARATOR, FACT_MARK, bodyBlocks, markedRanges, readFacts, type FactRecord } from '../../../../shared/article/index.ts'

/** One fact tag as the interface shows it: its record and what its mark covers now. */
export interface FactEntry {
  record: FactRecord
  /** The text the tag's mark covers now (pieces in different blocks joined by a line break); null when orphaned. */
  text: string | null
  /** True when none of the tag's text is left in the body (the record stays: docs/facts.md, orphans). */
  orphaned: boolean
  /** Where the tag starts in the plain text; orphans sort after everything (Infinity). */
  order: number
}

/**
 * Every fact record of the document with its current text, in reading order (orphans last, oldest
 * first). The same text and orphan rule as the server's `GET /api/articles/:id/facts`.
 */
export function readFactEntries(doc: Y.Doc): FactEntry[] {
  const plain = bodyBlocks(doc)
    .map((runs) => runs.map((r) => r.text).join(''))
    .join(BLOCK_SEPARATOR)
  const texts = new Map<string, string>()
  const starts = new Map<string, number>()
  for (const range of markedRanges(doc, FACT_MARK, 'tagId')) {
    const piece = plain.slice(range.from, range.to)
    const before = texts.get(range.id)
    texts.set(range.id, before === undefined ? piece : `${before}\n${piece}`)
    if (!starts.has(range.id)) starts.set(range.id, range.from)
  }
  return readFacts(doc)
    .map((record) => {
      const text = texts.get(record.id)
      return { record, text: text ?? null, orphaned: text === undefined, order: starts.get(record.id) ?? Number.POSITIVE_INFINITY }
    })
    .sort((a, b) => a.order - b.order)
}

/** The words shown for a tag: its current text, or the text it had when tagged for an orphan. */
export function entryText(entry: FactEntry): string {
  return entry.text ?? entry.record.quote
}
