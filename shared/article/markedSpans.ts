import type * as Y from 'yjs'
import { BLOCK_SEPARATOR, bodyBlocks, type TextRun } from './bodyText.ts'

/**
 * Whether a Y.XmlText formatting key holds the mark `markName`. y-prosemirror stores a mark that may
 * overlap itself (`excludes: ''`) under `name--hash` (8 characters) so that overlapping ones stay
 * apart, and other marks under their plain name.
 */
function isMarkKey(key: string, markName: string): boolean {
  return key === markName || (key.startsWith(`${markName}--`) && key.length === markName.length + 10)
}

/** One marked range in the plain-text view (bodyPlainText offsets). */
export interface MarkedRange {
  id: string
  from: number
  to: number
}

/**
 * Every range of the plain text covered by a mark of `markName`, with the value of its `idAttr`
 * (e.g. each comment anchor by thread id), in document order; adjacent runs of one id are merged.
 */
export function markedRanges(doc: Y.Doc, markName: string, idAttr: string): MarkedRange[] {
  return rangesIn(bodyBlocks(doc), markName, idAttr)
}

function rangesIn(blocks: TextRun[][], markName: string, idAttr: string): MarkedRange[] {
  const ranges: MarkedRange[] = []
  const open = new Map<string, MarkedRange>()
  let offset = 0
  blocks.forEach((runs, index) => {
    if (index > 0) offset += BLOCK_SEPARATOR.length
    for (const run of runs) {
      for (const [key, value] of Object.entries(run.attributes ?? {})) {
        if (!isMarkKey(key, markName)) continue
        const id = (value as Record<string, unknown> | null)?.[idAttr]
        if (typeof id !== 'string') continue
        const last = open.get(id)
        if (last && last.to === offset) {
          last.to += run.text.length
        } else {
          const range = { id, from: offset, to: offset + run.text.length }
          ranges.push(range)
          open.set(id, range)
        }
      }
      offset += run.text.length
    }
  })
  return ranges
}

/**
 * The text each mark of `markName` covers now, by the value of its `idAttr`. Pieces in one block are
 * joined directly, pieces in different blocks with a line break. An id whose mark covers nothing any
 * more (its text was deleted) is absent.
 */
export function markedSpans(doc: Y.Doc, markName: string, idAttr: string): Map<string, string> {
  const blocks = bodyBlocks(doc)
  const plain = blocks.map((runs) => runs.map((r) => r.text).join('')).join(BLOCK_SEPARATOR)
  const spans = new Map<string, string>()
  for (const range of rangesIn(blocks, markName, idAttr)) {
    const piece = plain.slice(range.from, range.to)
    const before = spans.get(range.id)
    spans.set(range.id, before === undefined ? piece : `${before}\n${piece}`)
  }
  return spans
}
