import type { FactKind } from './factVocabulary.ts'

/**
 * One fact tag "Find facts" proposes, as `GET /api/articles/:id/suggestions` sends it. Offsets are
 * UTF-16 indices into the body's plain-text view (`bodyPlainText`), so
 * `text.slice(from, to) === suggestion.text`. The detector (shared/article/suggestions) runs on
 * the server only; this shape is shared with the client.
 */
export interface FactSuggestion {
  kind: FactKind
  text: string
  from: number
  to: number
  /** Quotes: who the words are attributed to, by the full name of their first full mention. */
  speaker?: string
  /** Dates: the day meant, `YYYY-MM-DD`, when the text names a day and the year can be known. */
  date?: string
}

