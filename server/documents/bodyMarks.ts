import type { Node as PmNode } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import * as Y from 'yjs'
import { initProseMirrorDoc, relativePositionToAbsolutePosition, updateYFragment } from 'y-prosemirror'
import { articleSchema, getBody } from '../../shared/article/index.ts'
import { ErrorCode, GalleyError } from '../../shared/protocol/index.ts'

/** A span of the body in ProseMirror positions. */
export interface BodyRange {
  from: number
  to: number
}

/**
 * Adds a mark to a span of the body, the way the editor would: the body is read into ProseMirror
 * with y-prosemirror, the mark added there, and y-prosemirror writes the difference back (so the
 * server encodes marks exactly as every editor does, hashed names for overlapping marks included).
 * Call inside a transaction with the server's origin. Returns the text the span covers.
 */
export function markBodySpan(
  doc: Y.Doc,
  span: { start: Uint8Array; end: Uint8Array } | BodyRange,
  markName: string,
  attrs: Record<string, unknown>,
): string {
  const fragment = getBody(doc)
  const { doc: pmDoc, meta, mapping } = initProseMirrorDoc(fragment, articleSchema)
  let from: number | null
  let to: number | null
  if ('start' in span) {
    try {
      from = relativePositionToAbsolutePosition(doc, fragment, Y.decodeRelativePosition(span.start), mapping)
      to = relativePositionToAbsolutePosition(doc, fragment, Y.decodeRelativePosition(span.end), mapping)
    } catch {
      throw new GalleyError(ErrorCode.badRequest, 'the anchor does not decode as Yjs relative positions')
    }
  } else {
    ;({ from, to } = span)
  }
  if ('start' in span && (from === null || to === null)) {
    // Positions that decode but point at text the server does not have: typing that has not
    // reached it yet (offline, refused for now). The client may try again once its changes are saved.
    throw new GalleyError(ErrorCode.conflict, 'the selected text has not reached the server yet; try again once your changes are saved')
  }
  if (from === null || to === null || from < 0 || to > pmDoc.content.size || from >= to) {
    throw new GalleyError(ErrorCode.badRequest, 'the anchor does not cover any text of this article')
  }
  const quote = pmDoc.textBetween(from, to, '\n')
  if (quote.trim() === '') throw new GalleyError(ErrorCode.badRequest, 'the anchor covers no text')
  const markType = articleSchema.marks[markName]
  if (!markType) throw new RangeError(`no mark ${markName} in the article schema`)
  const transform = new Transform(pmDoc).addMark(from, to, markType.create(attrs))
  updateYFragment(doc, fragment, transform.doc, meta)
  return quote
}

/**
 * Where the `occurrence`-th (1-based) appearance of `quote` is in the body, in ProseMirror positions,
 * or null. Text is matched block by block joined with line breaks (as in the plain-text view), so a
 * quote may span paragraphs by containing "\n".
 */
export function findQuoteInBody(doc: Y.Doc, quote: string, occurrence = 1): BodyRange | null {
  if (quote === '' || occurrence < 1) return null
  const { doc: pmDoc } = initProseMirrorDoc(getBody(doc), articleSchema)
  const { text, positions } = textWithPositions(pmDoc)
  let index = -1
  for (let n = 0; n < occurrence; n++) {
    index = text.indexOf(quote, index + 1)
    if (index === -1) return null
  }
  return { from: positions[index]!, to: positions[index + quote.length - 1]! + 1 }
}

/** The body's text (blocks joined by "\n") and, for each character, its ProseMirror position. */
function textWithPositions(pmDoc: PmNode): { text: string; positions: number[] } {
  let text = ''
  const positions: number[] = []
  pmDoc.descendants((node, pos) => {
    if (node.isTextblock) {
      if (text !== '') {
        text += '\n'
        positions.push(pos)
      }
      node.forEach((child, offset) => {
        if (child.isText) {
          for (let i = 0; i < child.text!.length; i++) positions.push(pos + 1 + offset + i)
          text += child.text
        }
      })
      return false
    }
    return true
  })
  return { text, positions }
}

/**
 * Removes every occurrence of a mark with exactly these attributes from the body (e.g. one fact
 * tag's mark), through y-prosemirror like markBodySpan. Call inside the server's transaction.
 */
export function unmarkBody(doc: Y.Doc, markName: string, attrs: Record<string, unknown>): void {
  const fragment = getBody(doc)
  const { doc: pmDoc, meta } = initProseMirrorDoc(fragment, articleSchema)
  const markType = articleSchema.marks[markName]
  if (!markType) throw new RangeError(`no mark ${markName} in the article schema`)
  const mark = markType.create(attrs)
  const transform = new Transform(pmDoc).removeMark(0, pmDoc.content.size, mark)
  if (transform.docChanged) updateYFragment(doc, fragment, transform.doc, meta)
}
