import * as Y from 'yjs'
import {
  META_TAGS_FIELD,
  META_TEXT_FIELDS,
  META_VALUE_FIELDS,
  emptyMeta,
  type ArticleMeta,
  type MetaTextField,
  type MetaValueField,
} from './metaFields.ts'

/**
 * THE Yjs shape of an article. Every root key is named here and nowhere else:
 * - `body`: Y.XmlFragment, the story text, bound to the editor through y-prosemirror;
 * - `meta`: Y.Map of the metadata fields (see metaFields.ts);
 * - `facts`: Y.Map of fact-tag records by tag id (filled by the fact-tagging work);
 * - `threads`: Y.Map of comment-thread records by thread id (filled by the review-comment work);
 * - `dismissed`: Y.Map of fact suggestions an editor dismissed, by `kind:text`, so they are not proposed again;
 * - `workflow`: Y.Map with the editorial `status` and its `transitions` (a Y.Array), written by the server.
 */
export const ArticleRoot = {
  body: 'body',
  meta: 'meta',
  facts: 'facts',
  threads: 'threads',
  dismissed: 'dismissed',
  workflow: 'workflow',
} as const

/** The story body. */
export function getBody(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(ArticleRoot.body)
}

/** The metadata map. Its nested Y.Text and Y.Array values are created by the server only (ensureArticleShape). */
export function getMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ArticleRoot.meta)
}

/** Fact-tag records by id. */
export function getFacts(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ArticleRoot.facts)
}

/** Dismissed fact suggestions by `kind:text` (values `{kind, text, by, at}`). */
export function getDismissed(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ArticleRoot.dismissed)
}

/** The editorial workflow: `status` and `transitions`. */
export function getWorkflow(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ArticleRoot.workflow)
}

/** Comment-thread records by id. */
export function getThreads(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ArticleRoot.threads)
}

/**
 * Creates any missing nested metadata types. Only the server calls this, on load and before seeding:
 * two clients creating `meta.headline` concurrently would each make their own Y.Text and one
 * editor's typing would be lost when the map resolves the conflict.
 * Returns true when it changed the document.
 */
export function ensureArticleShape(doc: Y.Doc): boolean {
  const meta = getMeta(doc)
  let changed = false
  doc.transact(() => {
    for (const field of META_TEXT_FIELDS) {
      if (!(meta.get(field) instanceof Y.Text)) {
        meta.set(field, new Y.Text())
        changed = true
      }
    }
    for (const field of META_VALUE_FIELDS) {
      if (typeof meta.get(field) !== 'string') {
        meta.set(field, '')
        changed = true
      }
    }
    if (!(meta.get(META_TAGS_FIELD) instanceof Y.Array)) {
      meta.set(META_TAGS_FIELD, new Y.Array<string>())
      changed = true
    }
  })
  return changed
}

/** The Y.Text of a text field, or null before the server has created it. */
export function getMetaText(doc: Y.Doc, field: MetaTextField): Y.Text | null {
  const value = getMeta(doc).get(field)
  return value instanceof Y.Text ? value : null
}

/** The tag list, or null before the server has created it. */
export function getMetaTags(doc: Y.Doc): Y.Array<string> | null {
  const value = getMeta(doc).get(META_TAGS_FIELD)
  return value instanceof Y.Array ? (value as Y.Array<string>) : null
}

/** Reads every metadata field as plain values; missing fields read as empty. */
export function readMeta(doc: Y.Doc): ArticleMeta {
  const meta = getMeta(doc)
  const out = emptyMeta()
  for (const field of META_TEXT_FIELDS) {
    const v = meta.get(field)
    out[field] = v instanceof Y.Text ? v.toString() : ''
  }
  for (const field of META_VALUE_FIELDS) {
    const v = meta.get(field)
    out[field] = typeof v === 'string' ? v : ''
  }
  const tags = getMetaTags(doc)
  out.tags = tags ? tags.toArray().filter((t): t is string => typeof t === 'string') : []
  return out
}

/** Replaces a text field's whole content (used by the importer and scripts; editors edit in place). */
export function setMetaText(doc: Y.Doc, field: MetaTextField, value: string): void {
  const text = getMetaText(doc, field)
  if (!text) throw new RangeError(`meta.${field} does not exist yet: call ensureArticleShape first`)
  doc.transact(() => {
    text.delete(0, text.length)
    text.insert(0, value)
  })
}

/** Sets a last-writer-wins metadata value. */
export function setMetaValue(doc: Y.Doc, field: MetaValueField, value: string): void {
  getMeta(doc).set(field, value)
}
