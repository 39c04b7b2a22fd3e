/**
 * "Find facts": every detector over one parse of the text, merged into one list of proposals.
 * Pure: no clock, no I/O; the same text and options give the same suggestions.
 */
import { ENTITY_KINDS, isFactKind } from '../factVocabulary.ts'
import { findDates } from './dates.ts'
import { findEntities } from './entities.ts'
import { occurrences } from './occurrences.ts'
import type { FactSuggestion, SuggestOptions } from './factSuggestion.ts'
import { compareSuggestions } from './factSuggestion.ts'
import { findNumbers } from './numbers.ts'
import { findQuotes } from './quotes.ts'
import { analyzeText } from './textAnalysis.ts'

const normalText = (text: string) => text.trim().replace(/\s+/g, ' ')
const key = (kind: string, text: string) => `${kind}\u0000${normalText(text)}`

/**
 * Proposes fact tags for an article's plain body text: quotes (with speaker), people,
 * organizations, places, dates (with the day when known) and figures. Sorted by position, no two
 * with the same kind and span; every suggestion's `text` is `text.slice(from, to)`.
 */
export function suggestFacts(text: string, options: SuggestOptions = {}): FactSuggestion[] {
  if (typeof text !== 'string') throw new TypeError('suggestFacts expects the plain text as a string')
  if (text.trim() === '') return []
  const known = (options.knownEntities ?? []).filter((k) => isFactKind(k?.kind) && typeof k.text === 'string' && k.text.trim() !== '')
  const analysis = analyzeText(text)
  const entities = findEntities(analysis, known)
  const dates = findDates(analysis, options.datelineDate)
  // A year inside "January 6, 2022" is the date's, not a figure.
  const numbers = findNumbers(analysis).filter((n) => !dates.some((d) => d.from < n.to && n.from < d.to))

  const all: FactSuggestion[] = [
    ...findQuotes(text, entities),
    ...entities.map(({ kind, text, from, to }) => ({ kind, text, from, to })),
    ...dates,
    ...numbers,
  ]
  // Known tags of other kinds (a claim, a figure) are proposed wherever their words recur.
  for (const k of known) {
    if (ENTITY_KINDS.includes(k.kind)) continue
    const words = k.text.trim()
    for (const at of occurrences(text, words)) all.push({ kind: k.kind, text: words, from: at, to: at + words.length })
  }

  const dismissed = new Set((options.dismissed ?? []).filter((d) => typeof d?.text === 'string').map((d) => key(d.kind, d.text)))
  const seen = new Set<string>()
  return all
    .filter((s) => s.to > s.from && text.slice(s.from, s.to) === s.text && !dismissed.has(key(s.kind, s.text)))
    .sort(compareSuggestions)
    .filter((s) => {
      const id = `${s.kind}:${s.from}:${s.to}`
      if (seen.has(id)) return false
      seen.add(id)
      return true
    })
}
