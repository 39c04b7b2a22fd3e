import * as Y from 'yjs'
import { getBody } from './articleDoc.ts'

/** Block-level element names whose text ends a paragraph in the plain-text view. */
const INLINE_ELEMENTS = new Set(['hardBreak'])

/** A run of text in a block with its Yjs formatting attributes (y-prosemirror's marks). */
export interface TextRun {
  text: string
  attributes: Record<string, unknown> | undefined
}

function collect(node: Y.XmlElement | Y.XmlFragment, blocks: TextRun[][], current: TextRun[]): void {
  node.forEach((child) => {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
        if (typeof op.insert === 'string') current.push({ text: op.insert, attributes: op.attributes })
      }
    } else if (child instanceof Y.XmlElement) {
      if (INLINE_ELEMENTS.has(child.nodeName)) {
        current.push({ text: '\n', attributes: undefined })
        return
      }
      const hasElementChildren = child.toArray().some((c) => c instanceof Y.XmlElement && !INLINE_ELEMENTS.has(c.nodeName))
      if (hasElementChildren) {
        collect(child, blocks, current)
      } else {
        const inner: TextRun[] = []
        collect(child, blocks, inner)
        blocks.push(inner)
      }
    }
  })
}

/** The body's blocks (paragraph, heading, list item), each as its runs of formatted text. */
export function bodyBlocks(doc: Y.Doc): TextRun[][] {
  const blocks: TextRun[][] = []
  collect(getBody(doc), blocks, [])
  return blocks
}

/** Separates blocks in the plain-text view. */
export const BLOCK_SEPARATOR = '\n\n'

/**
 * The body as plain text: one line per block (paragraph, heading, list item), blocks separated by
 * a blank line. This is THE plain-text view: word counts and character offsets use it.
 */
export function bodyPlainText(doc: Y.Doc): string {
  return bodyBlocks(doc)
    .map((runs) => runs.map((r) => r.text).join(''))
    .join(BLOCK_SEPARATOR)
}

/** Words in a text: runs of letters or digits, with inner apostrophes and hyphens. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0
}
