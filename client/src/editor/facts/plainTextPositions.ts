import type { Node as PmNode } from '@tiptap/pm/model'

/** Separates blocks in the plain-text view (shared/article/bodyText.ts BLOCK_SEPARATOR; kept equal by a unit test). */
const BLOCK_SEPARATOR = '\n\n'

/** Inline nodes that stand for a character of the plain text (bodyText.ts INLINE_ELEMENTS). */
const INLINE_CHARACTERS: Readonly<Record<string, string>> = { hardBreak: '\n' }

/** A span of the ProseMirror document. */
export interface DocRange {
  from: number
  to: number
}

/**
 * The body's plain-text view (bodyPlainText: blocks joined by a blank line, a hard break as a line
 * break) read from a ProseMirror document, with the document position of every character, so that
 * offsets the server computes on the plain text (suggestions) can be turned into document ranges.
 */
export interface PlainTextIndex {
  /** Equal to bodyPlainText of the Y.Doc this document is bound to. */
  text: string
  /** The document range of the plain text [from, to), or null when the offsets are outside it or cover nothing. */
  rangeOf(from: number, to: number): DocRange | null
}

/**
 * True when `node` holds blocks rather than text: bodyBlocks descends into an element that has an
 * element child other than a hard break, and treats any other element as one block.
 */
function holdsBlocks(node: PmNode): boolean {
  let blocks = false
  node.forEach((child) => {
    if (!child.isText && !(child.type.name in INLINE_CHARACTERS)) blocks = true
  })
  return blocks
}

/**
 * Builds the plain-text index of `doc`. It walks the document exactly as bodyBlocks walks the
 * Y.XmlFragment (shared/article/bodyText.ts): a container of blocks (list, list item, blockquote) is
 * descended into; anything else, an empty one or a horizontal rule included, is one block.
 */
export function plainTextIndex(doc: PmNode): PlainTextIndex {
  let text = ''
  // For each character, the document position before it and after it.
  const before: number[] = []
  const after: number[] = []
  // Where the previous block's content ends; null before the first block.
  let previousEnd: number | null = null

  const addBlock = (block: PmNode, pos: number): void => {
    const contentStart = block.isLeaf ? pos + block.nodeSize : pos + 1
    if (previousEnd !== null) {
      // The separator belongs to no node: its first character sits at the end of the block before,
      // its second at the start of this one, so a range across blocks maps onto both.
      text += BLOCK_SEPARATOR
      before.push(previousEnd, contentStart)
      after.push(previousEnd, contentStart)
    }
    block.forEach((child, offset) => {
      const at = contentStart + offset
      if (child.isText) {
        const value = child.text ?? ''
        for (let i = 0; i < value.length; i++) {
          before.push(at + i)
          after.push(at + i + 1)
        }
        text += value
      } else {
        const char = INLINE_CHARACTERS[child.type.name]
        if (char !== undefined) {
          before.push(at)
          after.push(at + child.nodeSize)
          text += char
        }
      }
    })
    previousEnd = contentStart + block.content.size
  }

  const walk = (container: PmNode, contentStart: number): void => {
    container.forEach((child, offset) => {
      const pos = contentStart + offset
      if (child.isText || child.type.name in INLINE_CHARACTERS) return
      if (holdsBlocks(child)) walk(child, pos + 1)
      else addBlock(child, pos)
    })
  }
  walk(doc, 0)

  return {
    text,
    rangeOf(from, to) {
      if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > text.length || from >= to) return null
      const start = before[from]
      const end = after[to - 1]
      if (start === undefined || end === undefined || start >= end) return null
      return { from: start, to: end }
    },
  }
}
