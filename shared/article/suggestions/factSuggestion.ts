/**
 * What "Find facts" proposes and what it is told about the article. Offsets are UTF-16 indices
 * into the body's plain-text view (`bodyPlainText`), so `text.slice(from, to) === suggestion.text`.
 */
import type { FactSuggestion } from '../factSuggestion.ts'
import type { FactKind } from '../factVocabulary.ts'

export type { FactSuggestion }

/** What the caller knows about the article. */
export interface SuggestOptions {
  /** The article's dateline date YYYY-MM-DD: relative dates ("Wednesday", "last week") resolve against it. */
  datelineDate?: string
  /** Entities already tagged in the article ({kind, text}); every other occurrence of their text is proposed too. */
  knownEntities?: Array<{ kind: FactKind; text: string }>
  /**
   * Suggestions dismissed before. A suggestion is withheld when a dismissed entry has the same
   * kind and the same text (whitespace runs compared as one space): the desk said "not a fact"
   * about those words, wherever they appear. Offsets are not kept, because edits move them.
   */
  dismissed?: Array<{ kind: FactKind; text: string }>
}

/** Position order; at one position the longer span first, then by kind, so output is stable. */
export function compareSuggestions(a: FactSuggestion, b: FactSuggestion): number {
  return a.from - b.from || b.to - a.to || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0)
}
