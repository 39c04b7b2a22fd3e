import { Observable } from 'lib0/observable'
import { TextSelection, type EditorState } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import type * as Y from 'yjs'
import { ENTITY_KINDS, type FactKind } from '../../../../shared/article/index.ts'
import { ErrorCode, type Command } from '../../../../shared/protocol/index.ts'
import type { ArticleCommands, CommandAnswer } from '../../collab/index.ts'
import { tagExtentOf, type CardTrigger, type FactTaggingHost, type SuggestionMark, type TagLook, type TagRequest } from '../../editor/facts/index.ts'
import { KIND_LABELS, STATUS_ICONS, STATUS_LABELS, kindWithArticle, shortQuote } from './factLabels.ts'
import { fetchSuggestions as fetchFromServer, type FactSuggestion } from './factSuggestions.ts'
import { FactsStore } from './factsStore.ts'
import { NO_SUGGESTIONS, SuggestionsFlow, scrollToPosition, type SuggestionsState } from './suggestionsFlow.ts'

/** The open card: which tag, how it was opened, and whether it stays when the pointer leaves. */
export interface CardState {
  tagId: string
  trigger: CardTrigger
  /** False for a card opened by hovering: it closes when the pointer leaves the tag and the card. */
  pinned: boolean
}

/** Everything the fact-tagging views show besides the records (which are in `store`). */
export interface FactsUiState {
  /** The tag menu, open on this request, or null. */
  menu: TagRequest | null
  /** The last fact.create: under way, or why it failed. */
  tagging: { pending: boolean; error: string | null }
  card: CardState | null
  /** The tag just revealed from the panel: emphasized until the card closes. */
  revealed: string | null
  suggestions: SuggestionsState
  /** The last thing done, for a polite live region ("Tagged … as a claim."). */
  announcement: string
}

/** What `fact.update` may change: FactPatch as the command schema takes it (no hand-set `needs-recheck`). */
export type FactUpdatePatch = Extract<Command, { type: 'fact.update' }>['patch']

/** What the user may do with facts (shared/auth/roles.ts): the view tells the controller. */
export interface FactPermissions {
  canTag: boolean
  canCheck: boolean
}

/** Events a FactsController emits. */
export interface FactsControllerEvents {
  /** `state` or `store.snapshot` changed. */
  change: () => void
}

/** What a FactsController is built from. */
export interface FactsControllerOptions {
  articleId: string
  doc: Y.Doc
  commands: ArticleCommands
  /** Fetches suggestions; the REST call by default. */
  fetchSuggestions?: (articleId: string, signal?: AbortSignal) => Promise<FactSuggestion[]>
}

/** How long a card opened by hovering stays after the pointer leaves (time to reach the card). */
const HOVER_CLOSE_MS = 350

/** The human message of a failed command. */
export function answerProblem(answer: CommandAnswer): string | null {
  return 'error' in answer ? answer.error.message : null
}

/**
 * The article page's fact tagging, framework-free: the records (a live FactsStore), the tag menu,
 * the open card, "Find facts" (a SuggestionsFlow), and the commands that change tags (`fact.*`,
 * `suggestion.dismiss`, docs/protocol.md P14). It is the editor extension's FactTaggingHost, and
 * the facts panel and cards read `state` and `store.snapshot` through thin hooks. The server checks
 * every command; `permissions` only decide what is offered.
 */
export class FactsController extends Observable<keyof FactsControllerEvents> implements FactTaggingHost {
  readonly store: FactsStore
  readonly suggestions: SuggestionsFlow
  readonly articleId: string
  private readonly commands: ArticleCommands
  private view: EditorView | null = null
  private permissions: FactPermissions = { canTag: false, canCheck: false }
  private current: FactsUiState = {
    menu: null,
    tagging: { pending: false, error: null },
    card: null,
    revealed: null,
    suggestions: NO_SUGGESTIONS,
    announcement: '',
  }
  private hoverTimer: ReturnType<typeof setTimeout> | null = null

  constructor({ articleId, doc, commands, fetchSuggestions = fetchFromServer }: FactsControllerOptions) {
    super()
    this.articleId = articleId
    this.commands = commands
    this.store = new FactsStore(doc)
    this.suggestions = new SuggestionsFlow({
      articleId,
      store: this.store,
      view: () => this.view,
      fetch: fetchSuggestions,
      send: (command) => this.send(command),
      announce: (announcement) => this.update({ announcement }),
    })
    this.store.on('change', this.onRecords)
    this.suggestions.on('change', this.onSuggestions)
  }

  /** The current UI state: a new object after every change. */
  get state(): FactsUiState {
    return this.current
  }

  /** Sets what the user may do (from the role); closes what they no longer may use. */
  setPermissions(permissions: FactPermissions): void {
    if (permissions.canTag === this.permissions.canTag && permissions.canCheck === this.permissions.canCheck) return
    this.permissions = permissions
    if (!permissions.canTag) {
      this.suggestions.clear()
      this.update({ menu: null })
    } else {
      this.emit('change', [])
    }
  }

  /** Starts following the document (a view's effect calls it; it may be called again after disconnect). */
  connect(): void {
    this.store.start()
  }

  /** Stops following the document and cancels what is under way (timers, a search). */
  disconnect(): void {
    this.cancelHoverClose()
    this.suggestions.stop()
    this.store.stop()
  }

  override destroy(): void {
    this.disconnect()
    this.store.off('change', this.onRecords)
    this.suggestions.off('change', this.onSuggestions)
    this.suggestions.destroy()
    this.store.destroy()
    super.destroy()
  }

  // ---------- FactTaggingHost (the editor extension) ----------

  canTag(): boolean {
    return this.permissions.canTag
  }

  lookOf(tagId: string): TagLook {
    const entry = this.store.snapshot.byId.get(tagId)
    if (!entry) return { status: null, icon: '·', title: 'Fact tag (its record has not arrived)' }
    const { kind, status } = entry.record
    return { status, icon: STATUS_ICONS[status], title: `${KIND_LABELS[kind]}: ${STATUS_LABELS[status]}. Click for details.` }
  }

  focusedTag(): string | null {
    return this.current.card?.tagId ?? this.current.revealed
  }

  suggestionMarks(state: EditorState): SuggestionMark[] {
    return this.suggestions.marks(state)
  }

  requestTag(request: TagRequest): void {
    if (!this.permissions.canTag) return
    this.update({ menu: request, tagging: { pending: false, error: null } })
  }

  showCard(tagId: string, trigger: CardTrigger): void {
    this.cancelHoverClose()
    const card = this.current.card
    if (trigger === 'hover') {
      // Hovering never replaces a card the user opened on purpose.
      if (card && (card.pinned || card.tagId === tagId)) return
      this.update({ card: { tagId, trigger, pinned: false } })
      return
    }
    this.update({ card: { tagId, trigger, pinned: true } })
  }

  leaveTag(): void {
    if (this.current.card && !this.current.card.pinned) this.scheduleHoverClose()
  }

  clickOutsideTags(): void {
    this.closeCard()
  }

  dismissCard(): boolean {
    if (!this.current.card) return false
    this.closeCard()
    return true
  }

  attachView(view: EditorView | null): void {
    this.view = view
    if (view) this.suggestions.refresh()
  }

  subscribe(listener: () => void): () => void {
    this.on('change', listener)
    return () => this.off('change', listener)
  }

  // ---------- The tag menu ----------

  /** Closes the tag menu without tagging. */
  closeMenu(): void {
    if (this.current.menu) this.update({ menu: null, tagging: { pending: false, error: null } })
  }

  /** Tags the menu's span as `kind` (`fact.create`). The menu closes on success and shows the error otherwise. */
  async tagAs(kind: FactKind): Promise<void> {
    const menu = this.current.menu
    if (!menu || this.current.tagging.pending) return
    this.update({ tagging: { pending: true, error: null } })
    const answer = await this.send({ type: 'fact.create', kind, anchor: menu.anchor })
    if (this.current.menu !== menu) return
    const problem = answerProblem(answer)
    if (problem) {
      this.update({ tagging: { pending: false, error: problem } })
      return
    }
    this.update({ menu: null, tagging: { pending: false, error: null }, announcement: `Tagged ${shortQuote(menu.text)} as ${kindWithArticle(kind)}.` })
  }

  // ---------- Cards ----------

  /** The pointer is over the card: a hover card stays. */
  holdCard(): void {
    this.cancelHoverClose()
  }

  /** The pointer left the card: a hover card closes shortly. */
  releaseCard(): void {
    if (this.current.card && !this.current.card.pinned) this.scheduleHoverClose()
  }

  /** The user works in the card (focus, typing): it stays until closed. */
  pinCard(): void {
    const card = this.current.card
    if (card && !card.pinned) this.update({ card: { ...card, pinned: true } })
  }

  /** Closes the card (and the emphasis of a revealed tag). */
  closeCard(): void {
    this.cancelHoverClose()
    if (this.current.card || this.current.revealed) this.update({ card: null, revealed: null })
  }

  /**
   * Scrolls the tag's text into view, selects it (in an editable editor) and opens its card for the
   * keyboard. False when its text is gone (an orphan: the card opens alone) or the editor is not there.
   */
  reveal(tagId: string): boolean {
    const view = this.view
    const extent = view ? tagExtentOf(view.state.doc, tagId) : null
    if (!view || !extent) {
      this.update({ card: { tagId, trigger: 'keyboard', pinned: true }, revealed: null })
      return false
    }
    if (view.editable) view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, extent.from, extent.to)).scrollIntoView())
    scrollToPosition(view, extent.from)
    this.update({ card: { tagId, trigger: 'keyboard', pinned: true }, revealed: tagId })
    return true
  }

  /** Where a tag's text starts on screen (for placing its card), or null. */
  tagRect(tagId: string): DOMRect | null {
    const view = this.view
    if (!view) return null
    const element = [...view.dom.querySelectorAll('[data-fact-tag-id]')].find((el) => el.getAttribute('data-fact-tag-id') === tagId)
    return element ? element.getBoundingClientRect() : null
  }

  /** Where the document range starts and ends on screen, or null (for placing the tag menu). */
  rangeRect(from: number, to: number): { left: number; top: number; bottom: number } | null {
    const view = this.view
    if (!view) return null
    try {
      const start = view.coordsAtPos(from)
      const end = view.coordsAtPos(to)
      return { left: start.left, top: start.top, bottom: Math.max(start.bottom, end.bottom) }
    } catch {
      return null
    }
  }

  /** Gives the editor the focus back (after a menu or card closes). */
  focusEditor(): void {
    if (this.view && !this.view.isDestroyed && this.view.editable) this.view.focus()
  }

  // ---------- Commands on records ----------

  /** Changes a record (`fact.update`); resolves with the answer (its error is for the caller to show). */
  updateFact(tagId: string, patch: FactUpdatePatch): Promise<CommandAnswer> {
    return this.send({ type: 'fact.update', tagId, patch })
  }

  /** Removes a tag and its record (`fact.delete`); the card closes when it did. */
  async deleteFact(tagId: string): Promise<CommandAnswer> {
    const entry = this.store.snapshot.byId.get(tagId)
    const answer = await this.send({ type: 'fact.delete', tagId })
    if (!('error' in answer)) {
      if (this.current.card?.tagId === tagId) this.update({ card: null, revealed: null })
      if (entry) this.update({ announcement: `Removed the tag on ${shortQuote(entry.text ?? entry.record.quote)}.` })
    }
    return answer
  }

  // ---------- internals ----------

  private async send(command: Command): Promise<CommandAnswer> {
    try {
      return await this.commands.command(this.articleId, command)
    } catch (err) {
      // ArticleCommands never rejects; a fake or a bug might.
      return { error: { code: ErrorCode.internal, message: err instanceof Error ? err.message : String(err) } }
    }
  }

  private onRecords = (): void => {
    this.suggestions.refresh()
    // A card whose record is gone (deleted here or elsewhere) closes.
    const card = this.current.card
    if (card && !this.store.snapshot.byId.has(card.tagId)) this.update({ card: null, revealed: null })
    else this.emit('change', [])
  }

  private onSuggestions = (): void => {
    this.update({ suggestions: this.suggestions.state })
  }

  private scheduleHoverClose(): void {
    this.cancelHoverClose()
    this.hoverTimer = setTimeout(() => {
      this.hoverTimer = null
      if (this.current.card && !this.current.card.pinned) this.update({ card: null })
    }, HOVER_CLOSE_MS)
  }

  private cancelHoverClose(): void {
    if (this.hoverTimer) clearTimeout(this.hoverTimer)
    this.hoverTimer = null
  }

  private update(change: Partial<FactsUiState>): void {
    this.current = { ...this.current, ...change }
    this.emit('change', [])
  }
}

/** True for kinds that name an entity: their card offers a canonical name and URI. */
export function isEntityKind(kind: FactKind): boolean {
  return ENTITY_KINDS.includes(kind)
}
