import type * as Y from 'yjs'
import { readMeta } from './articleDoc.ts'
import { bodyPlainText, countWords } from './bodyText.ts'
import type { ArticleSummary } from './articleSummary.ts'

/** Characters of body text an article list shows for an article without a headline. */
export const EXCERPT_CHARS = 160

/** The list fields that come from an article's document: headline, excerpt, word count. */
export function summarize(doc: Y.Doc): Pick<ArticleSummary, 'headline' | 'excerpt' | 'wordCount'> {
  const text = bodyPlainText(doc)
  return {
    headline: readMeta(doc).headline.trim(),
    excerpt: text.replace(/\s+/g, ' ').trim().slice(0, EXCERPT_CHARS),
    wordCount: countWords(text),
  }
}
