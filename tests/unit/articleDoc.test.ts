import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  bodyPlainText,
  countWords,
  ensureArticleShape,
  getBody,
  getMetaText,
  importPlainText,
  readMeta,
  writeImportedArticle,
} from '../../shared/article/index.ts'
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import { articleSchema } from '../../shared/article/index.ts'

describe('the article document', () => {
  it('ensureArticleShape creates the metadata types once', () => {
    const doc = new Y.Doc()
    expect(ensureArticleShape(doc)).toBe(true)
    const headline = getMetaText(doc, 'headline')
    expect(ensureArticleShape(doc)).toBe(false)
    expect(getMetaText(doc, 'headline')).toBe(headline)
  })

  it('writes an import into an empty doc, readable through the shared schema', () => {
    const doc = new Y.Doc()
    writeImportedArticle(doc, importPlainText('date 2022-01-06 First **para**.\n\nSub head\n\nLast one.\n\nImage: AP'), 'test')
    expect(readMeta(doc)).toMatchObject({ datelineDate: '2022-01-06', imageCredit: 'AP', headline: '' })
    const pm = yXmlFragmentToProseMirrorRootNode(getBody(doc), articleSchema)
    expect(pm.childCount).toBe(3)
    expect(pm.child(1).type.name).toBe('heading')
    expect(bodyPlainText(doc)).toBe('First **para**.\n\nSub head\n\nLast one.')
  })

  it('refuses to seed a document twice', () => {
    const doc = new Y.Doc()
    writeImportedArticle(doc, importPlainText('One.'), 'test')
    expect(() => writeImportedArticle(doc, importPlainText('One.'), 'test')).toThrow(RangeError)
    expect(bodyPlainText(doc)).toBe('One.')
  })

  it('counts words with apostrophes and hyphens as one', () => {
    expect(countWords("It’s a de-escalation, isn't it? 2022")).toBe(6)
    expect(countWords('')).toBe(0)
  })
})
