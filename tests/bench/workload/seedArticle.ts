import * as Y from 'yjs'
import * as prng from 'lib0/prng'
import { importPlainText, writeImportedArticle } from '../../../shared/article/index.ts'

/**
 * The text every load scenario's articles start from: a headline and twelve paragraphs of made-up
 * words (about 4 KB), the same on every run.
 */
export function seedArticleText(): string {
  const rng = prng.create(20_220_106)
  const sentence = (): string => {
    const words = Array.from({ length: prng.int32(rng, 6, 14) }, () => prng.word(rng, 2, 9))
    const first = words[0]!
    words[0] = first.charAt(0).toUpperCase() + first.slice(1)
    return `${words.join(' ')}.`
  }
  const paragraphs = Array.from({ length: 12 }, () => Array.from({ length: 4 }, sentence).join(' '))
  return ['Bench headline for a busy newsroom', ...paragraphs].join('\n\n')
}

/**
 * The seed article as one Yjs update, built the way the Galley server imports `text` on
 * `POST /api/articles` (shared/article's importer). The reference server has no REST API: its
 * first client sends this update, so both servers start from the same content.
 */
export function seedArticleUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  writeImportedArticle(doc, importPlainText(text), null)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}
