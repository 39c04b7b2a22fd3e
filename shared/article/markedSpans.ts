import * as Y from 'yjs'
import { getBody } from './articleDoc.ts'

/**
 * Whether a Y.XmlText formatting key holds the mark `markName`. y-prosemirror stores a mark that may
 * overlap itself (`excludes: ''`) under `name--hash` so that overlapping ones stay apart, and other
 * marks under their plain name.
 */
function isMarkKey(key: string, markName: string): boolean {
  return key === markName || (key.startsWith(`${markName}--`) && key.length === markName.length + 10)
}

/**
 * The text each mark of `markName` covers now, by the value of its `idAttr` (e.g. every comment
 * anchor's text by thread id). Pieces in one block are joined directly, pieces in different blocks
 * with a line break. An id whose mark covers nothing any more (its text was deleted) is absent.
 */
export function markedSpans(doc: Y.Doc, markName: string, idAttr: string): Map<string, string> {
  const pieces = new Map<string, Array<{ block: number; text: string }>>()
  let block = 0
  const visit = (node: Y.XmlElement | Y.XmlFragment) => {
    node.forEach((child) => {
      if (child instanceof Y.XmlText) {
        for (const op of child.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
          if (typeof op.insert !== 'string' || !op.attributes) continue
          for (const [key, value] of Object.entries(op.attributes)) {
            if (!isMarkKey(key, markName)) continue
            const id = (value as Record<string, unknown> | null)?.[idAttr]
            if (typeof id !== 'string') continue
            let list = pieces.get(id)
            if (!list) pieces.set(id, (list = []))
            const last = list.at(-1)
            if (last && last.block === block) last.text += op.insert
            else list.push({ block, text: op.insert })
          }
        }
      } else if (child instanceof Y.XmlElement) {
        visit(child)
        block++
      }
    })
  }
  visit(getBody(doc))
  return new Map([...pieces].map(([id, list]) => [id, list.map((p) => p.text).join('\n')]))
}
