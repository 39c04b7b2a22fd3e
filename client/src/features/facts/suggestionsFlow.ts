import { Observable } from 'lib0/observable'
import { TextSelection, type EditorState } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import type { FactSpeaker } from '../../../../shared/article/index.ts'
import type { Command } from '../../../../shared/protocol/index.ts'
import { toApiError } from '../../api/index.ts'
import type { CommandAnswer } from '../../collab/index.ts'
import { docRangeOf, encodeRange, plainTextIndex, relativeRangeOf, tagPiecesOf, type SuggestionMark } from '../../editor/facts/index.ts'
import { KIND_LABELS, kindWithArticle, shortQuote } from './factLabels.ts'
import type { FactSuggestion } from './factSuggestions.ts'
import type { FactsStore } from './factsStore.ts'
import { matchSuggestions, placeSuggestions, type PlacedSuggestion, type SuggestionItem, type TaggedSpan } from './suggestionItems.ts'

/** Where "Find facts" stands. */
export interface SuggestionsState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  /** Why finding failed. */
  error: string | null
  /** Suggestions shown now, in document order. */
  placed: PlacedSuggestion[]
  /** Suggestions the server sent whose words were no longer where it found them. */
  unmatched: number
  /** Suggestions with a command under way, by item id. */
  pending: ReadonlyMap<string, 'accept' | 'dismiss'>
  /** Why accepting or dismissing a suggestion failed, by item id. */
  problems: ReadonlyMap<string, string>
}

/** Nothing found yet, nothing shown. */
export const NO_SUGGESTIONS: SuggestionsState = { status: 'idle', error: null, placed: [], unmatched: 0, pending: new Map(), problems: new Map() }

/** What the suggestions flow works with, from the FactsController that owns it. */
export interface SuggestionsFlowContext {
  articleId: string
  store: FactsStore
  /** The editor view now, or null. */
  view: () => EditorView | null
  fetch: (articleId: string, signal?: AbortSignal) => Promise<FactSuggestion[]>
  send: (command: Command) => Promise<CommandAnswer>
  /** Says something in the page's polite live region. */
  announce: (message: string) => void
}

/**
 * "Find facts", framework-free: fetches the server's suggestions, anchors them in the editor's text
 * (Yjs relative positions, so they follow everyone's typing), keeps the ones still worth showing
 * (not dismissed, not covered by a tag of their kind: so an accepted one disappears everywhere),
 * and accepts (`fact.create`) or dismisses (`suggestion.dismiss`) them. Emits `change`.
 */
export class SuggestionsFlow extends Observable<'change'> {
  private current: SuggestionsState = NO_SUGGESTIONS
  private items: SuggestionItem[] = []
  private finding: AbortController | null = null

  constructor(private readonly context: SuggestionsFlowContext) {
    super()
  }

  get state(): SuggestionsState {
    return this.current
  }

  /** Asks the server for suggestions and shows them in the text and the list. */
  async find(): Promise<void> {
    this.finding?.abort()
    const finding = new AbortController()
    this.finding = finding
    this.update({ status: 'loading', error: null })
    let suggestions: FactSuggestion[]
    try {
      suggestions = await this.context.fetch(this.context.articleId, finding.signal)
    } catch (err) {
      if (!finding.signal.aborted) this.update({ status: 'error', error: toApiError(err).message })
      return
    }
    if (finding.signal.aborted) return
    const state = this.context.view()?.state
    if (!state) {
      this.update({ status: 'error', error: 'The editor is not ready yet: try again in a moment.' })
      return
    }
    const { items, unmatched } = matchSuggestions(suggestions, plainTextIndex(state.doc), (range) => relativeRangeOf(state, range))
    this.items = items
    this.update({ status: 'ready', error: null, unmatched, pending: new Map(), problems: new Map(), placed: this.place(state) })
    const shown = this.current.placed.length
    this.context.announce(shown === 0 ? 'No new facts found.' : `${shown} suggested ${shown === 1 ? 'fact' : 'facts'} found.`)
  }

  /** Hides every suggestion (none is dismissed: Find facts shows them again). */
  clear(): void {
    this.stop()
    this.items = []
    this.update(NO_SUGGESTIONS)
  }

  /** Cancels a search under way. */
  stop(): void {
    this.finding?.abort()
    this.finding = null
  }

  /** Makes a suggestion a tag (`fact.create`, with its speaker, and a date's day as canonical name). */
  async accept(itemId: string): Promise<void> {
    const item = this.items.find((i) => i.id === itemId)
    const state = this.context.view()?.state
    if (!item || !state || this.current.pending.has(itemId)) return
    const range = docRangeOf(state, item.range)
    if (!range || state.doc.textBetween(range.from, range.to, '\n') !== item.suggestion.text) {
      this.update({ problems: new Map(this.current.problems).set(itemId, 'Its words have changed since it was found: run Find facts again.') })
      return
    }
    const { kind, text, speaker, date } = item.suggestion
    const command: Command = { type: 'fact.create', kind, anchor: encodeRange(item.range) }
    if (kind === 'quote' && speaker) command.speaker = this.speakerNamed(speaker)
    if (kind === 'date' && date) command.canonicalName = date
    await this.run(itemId, 'accept', command, `Tagged ${shortQuote(text)} as ${kindWithArticle(kind)}.`)
  }

  /** Dismisses a suggestion for the article (`suggestion.dismiss`): not proposed again, to anyone. */
  async dismiss(itemId: string): Promise<void> {
    const item = this.items.find((i) => i.id === itemId)
    if (!item || this.current.pending.has(itemId)) return
    const { kind, text } = item.suggestion
    await this.run(itemId, 'dismiss', { type: 'suggestion.dismiss', kind, text }, `Dismissed ${shortQuote(text)}.`)
  }

  /** Scrolls to a suggestion's words and selects them (in an editable editor). */
  reveal(itemId: string): void {
    const view = this.context.view()
    const placed = this.current.placed.find((p) => p.item.id === itemId)
    if (!view || !placed) return
    if (view.editable) {
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, placed.from, placed.to)).scrollIntoView())
      view.focus()
    }
    scrollToPosition(view, placed.from)
  }

  /** Where the suggestions are in `state`, for the editor's highlights. */
  marks(state: EditorState): SuggestionMark[] {
    if (this.items.length === 0) return []
    return this.place(state).map(({ from, to, item }) => ({
      from,
      to,
      key: item.id,
      kind: item.suggestion.kind,
      title: `Suggested: ${KIND_LABELS[item.suggestion.kind].toLowerCase()}`,
    }))
  }

  /** Reads again which suggestions to list (after the records, the dismissals or the list changed). */
  refresh(): void {
    const state = this.context.view()?.state
    if (!state || this.current.status !== 'ready') return
    const placed = this.place(state)
    const before = this.current.placed
    if (placed.length === before.length && placed.every((p, i) => p.item === before[i]?.item)) return
    this.update({ placed })
  }

  override destroy(): void {
    this.stop()
    super.destroy()
  }

  private async run(itemId: string, action: 'accept' | 'dismiss', command: Command, done: string): Promise<void> {
    const problems = new Map(this.current.problems)
    problems.delete(itemId)
    this.update({ pending: new Map(this.current.pending).set(itemId, action), problems })
    const answer = await this.context.send(command)
    const pending = new Map(this.current.pending)
    pending.delete(itemId)
    if ('error' in answer) {
      this.update({ pending, problems: new Map(this.current.problems).set(itemId, answer.error.message) })
      return
    }
    // The tag or the dismissal arrives with the document; until then, hide the item here.
    const key = this.items.find((i) => i.id === itemId)?.dismissKey
    this.items = this.items.filter((i) => (action === 'dismiss' ? i.dismissKey !== key : i.id !== itemId))
    this.update({ pending })
    this.refresh()
    this.context.announce(done)
  }

  /** A quote's speaker: the person tag of that name in this article when there is one, else the name. */
  private speakerNamed(name: string): FactSpeaker {
    const wanted = name.trim().toLowerCase()
    const person = this.context.store.snapshot.entries.find(
      (e) => e.record.kind === 'person' && !e.orphaned && [e.record.canonicalName, e.text ?? ''].some((n) => n.trim().toLowerCase() === wanted),
    )
    return { tagId: person?.record.id ?? null, name: name.trim() }
  }

  /** Where the suggestions are in `state`, without dismissed ones and ones a tag of their kind covers. */
  private place(state: EditorState): PlacedSuggestion[] {
    const snapshot = this.context.store.snapshot
    const tagged: TaggedSpan[] = []
    for (const [id, pieces] of tagPiecesOf(state.doc)) {
      const kind = snapshot.byId.get(id)?.record.kind
      if (kind) for (const p of pieces) tagged.push({ kind, from: p.from, to: p.to })
    }
    return placeSuggestions(this.items, (range) => docRangeOf(state, range), snapshot.dismissed, tagged)
  }

  private update(change: Partial<SuggestionsState>): void {
    this.current = { ...this.current, ...change }
    this.emit('change', [])
  }
}

/** Scrolls the page so that document position `pos` is in the middle of the view. */
export function scrollToPosition(view: EditorView, pos: number): void {
  try {
    const { node } = view.domAtPos(pos)
    const element = node instanceof Element ? node : node.parentElement
    element?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  } catch {
    // A position the view cannot show: nothing to scroll to.
  }
}
