import type { Node as PmNode } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import type * as Y from 'yjs'
import { initProseMirrorDoc, updateYFragment } from 'y-prosemirror'
import { articleSchema, getBody } from '../../shared/article/index.ts'

/**
 * Edits a Y.Doc the way the browser editor does: the body is read into ProseMirror, `edit` changes
 * it with a Transform, and y-prosemirror writes the difference back — so tests make real editor
 * changes (splits, joins, marks) without a browser.
 */
export function editAsEditor(doc: Y.Doc, edit: (tr: Transform, pmDoc: PmNode) => void, origin: unknown = null): void {
  const fragment = getBody(doc)
  const { doc: pmDoc, meta } = initProseMirrorDoc(fragment, articleSchema)
  const tr = new Transform(pmDoc)
  edit(tr, pmDoc)
  doc.transact(() => updateYFragment(doc, fragment, tr.doc, meta), origin)
}

/** Types `text` at `pos` as a user would: it takes the marks the editor would give it there. */
export function typeText(tr: Transform, pos: number, text: string): void {
  tr.insert(pos, articleSchema.text(text, tr.doc.resolve(pos).marks()))
}

/** The ProseMirror position of the `occurrence`-th `text` within one block of the body (start of the match). */
export function positionOf(doc: Y.Doc, text: string, occurrence = 1): number {
  const { doc: pmDoc } = initProseMirrorDoc(getBody(doc), articleSchema)
  let found = -1
  let seen = 0
  pmDoc.descendants((node, pos) => {
    if (found !== -1) return false
    if (!node.isTextblock) return true
    const content = node.textContent
    let index = content.indexOf(text)
    while (index !== -1) {
      if (++seen === occurrence) {
        found = pos + 1 + index
        return false
      }
      index = content.indexOf(text, index + 1)
    }
    return false
  })
  if (found === -1) throw new Error(`"${text}" (${occurrence}) is not in the body`)
  return found
}
