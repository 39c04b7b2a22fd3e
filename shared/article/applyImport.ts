import type * as Y from 'yjs'
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror'
import { ensureArticleShape, getBody, setMetaText, setMetaValue } from './articleDoc.ts'
import { articleSchema, BODY_HEADING_LEVELS } from './editorSchema.ts'
import type { ImportedArticle } from './importPlainText.ts'

/** The ProseMirror JSON of an imported body: paragraphs, subheadings as level-2 headings. */
export function importedBodyJSON(article: ImportedArticle): object {
  const content = article.blocks.map((block) => {
    const text = block.text.length > 0 ? [{ type: 'text', text: block.text }] : []
    return block.type === 'subheading'
      ? { type: 'heading', attrs: { level: BODY_HEADING_LEVELS[0] }, content: text }
      : { type: 'paragraph', content: text }
  })
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] }
}

/**
 * Writes an imported article into an EMPTY document, in one transaction with the given origin.
 * Refuses a document that already has a body: seeding twice would duplicate the story.
 */
export function writeImportedArticle(doc: Y.Doc, article: ImportedArticle, origin: unknown): void {
  const body = getBody(doc)
  if (body.length > 0) throw new RangeError('writeImportedArticle: the document already has a body')
  doc.transact(() => {
    ensureArticleShape(doc)
    setMetaText(doc, 'headline', article.headline)
    setMetaText(doc, 'datelinePlace', article.datelinePlace)
    setMetaText(doc, 'imageCredit', article.imageCredit)
    setMetaValue(doc, 'datelineDate', article.datelineDate)
    prosemirrorJSONToYXmlFragment(articleSchema, importedBodyJSON(article), body)
  }, origin)
}
