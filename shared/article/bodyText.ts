import * as Y from 'yjs'
import { getBody } from './articleDoc.ts'

/** Block-level element names whose text ends a paragraph in the plain-text view. */
const INLINE_ELEMENTS = new Set(['hardBreak'])

/** The characters of an XmlText without its formatting. */
function xmlTextString(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert: unknown }>).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('')
}

function collect(node: Y.XmlElement | Y.XmlFragment, blocks: string[], current: string[]): void {
  node.forEach((child) => {
    if (child instanceof Y.XmlText) {
      current.push(xmlTextString(child))
    } else if (child instanceof Y.XmlElement) {
      if (INLINE_ELEMENTS.has(child.nodeName)) {
        current.push('\n')
        return
      }
      const hasElementChildren = child.toArray().some((c) => c instanceof Y.XmlElement && !INLINE_ELEMENTS.has(c.nodeName))
      if (hasElementChildren) {
        collect(child, blocks, current)
      } else {
        const inner: string[] = []
        collect(child, blocks, inner)
        blocks.push(inner.join(''))
      }
    }
  })
}

/**
 * The body as plain text: one line per block (paragraph, heading, list item), blocks separated by
 * a blank line. This is THE plain-text view: word counts and character offsets use it.
 */
export function bodyPlainText(doc: Y.Doc): string {
  const blocks: string[] = []
  collect(getBody(doc), blocks, [])
  return blocks.join('\n\n')
}

/** Words in a text: runs of letters or digits, with inner apostrophes and hyphens. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0
}
