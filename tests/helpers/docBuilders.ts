import * as Y from 'yjs'
import { getBody } from '../../shared/article/index.ts'

/** Appends a paragraph holding `text` to an article's body, as an editor pressing Enter and typing would. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  getBody(doc).push([p])
}
