import type { FactKind } from '../../../../shared/article/index.ts'
import type { DocRange, PlainTextIndex, RelativeRange } from '../../editor/facts/index.ts'
import { suggestionKey, type FactSuggestion } from './factSuggestions.ts'

/** A suggestion found in this editor's text, anchored so it follows edits. */
export interface SuggestionItem {
  /** Unique in one list: kind, offsets and text. */
  id: string
  /** The key its dismissal is remembered under (suggestionKey). */
  dismissKey: string
  suggestion: FactSuggestion
  range: RelativeRange
}

/** A suggestion where it is now in the document. */
export interface PlacedSuggestion extends DocRange {
  item: SuggestionItem
}

/** The suggestions that matched the text, and how many did not (the text changed since the server read it). */
export interface MatchedSuggestions {
  items: SuggestionItem[]
  unmatched: number
}

/**
 * Anchors the server's suggestions in the editor's document: each one's plain-text offsets are
 * looked up in `index` (the plain-text view of the same document) and must still cover exactly its
 * text; `anchor` turns the document range into relative positions. A suggestion whose words are
 * not at its offsets any more (someone typed since the server read the article) is counted in
 * `unmatched` rather than put on the wrong words.
 */
export function matchSuggestions(
  suggestions: readonly FactSuggestion[],
  index: PlainTextIndex,
  anchor: (range: DocRange) => RelativeRange | null,
): MatchedSuggestions {
  const items: SuggestionItem[] = []
  const seen = new Set<string>()
  let unmatched = 0
  for (const suggestion of suggestions) {
    const id = `${suggestion.kind}:${suggestion.from}:${suggestion.to}:${suggestion.text}`
    if (seen.has(id)) continue
    seen.add(id)
    const range = index.text.slice(suggestion.from, suggestion.to) === suggestion.text ? index.rangeOf(suggestion.from, suggestion.to) : null
    const relative = range ? anchor(range) : null
    if (!relative) {
      unmatched++
      continue
    }
    items.push({ id, dismissKey: suggestionKey(suggestion.kind, suggestion.text), suggestion, range: relative })
  }
  return { items, unmatched }
}

/** A tagged span with its kind, for hiding suggestions that were accepted (here or elsewhere). */
export interface TaggedSpan extends DocRange {
  kind: FactKind
}

/**
 * The suggestions still worth showing, where they are now: their text still exists (`place`
 * finds it), they were not dismissed (by anyone: `dismissed` holds the article's keys), and no tag
 * of the same kind overlaps them (an accepted suggestion is just a tag: the server's own rule).
 * In document order.
 */
export function placeSuggestions(
  items: readonly SuggestionItem[],
  place: (range: RelativeRange) => DocRange | null,
  dismissed: ReadonlySet<string>,
  tagged: readonly TaggedSpan[],
): PlacedSuggestion[] {
  const placed: PlacedSuggestion[] = []
  for (const item of items) {
    if (dismissed.has(item.dismissKey)) continue
    const range = place(item.range)
    if (!range) continue
    const kind = item.suggestion.kind
    if (tagged.some((t) => t.kind === kind && t.from < range.to && range.from < t.to)) continue
    placed.push({ ...range, item })
  }
  return placed.sort((a, b) => a.from - b.from || b.to - a.to)
}
