import type { EditorState } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import type { FactKind } from '../../../../shared/article/index.ts'
import type { EncodedAnchor } from './factAnchor.ts'
import type { DocRange } from './plainTextPositions.ts'

/** How one tag is drawn: its status class, the icon after it and a tooltip. `status` null: the mark has no record (yet). */
export interface TagLook {
  status: string | null
  /** A character that tells the status without colour, drawn after the tag's last word. */
  icon: string
  title: string
}

/** A suggestion highlighted in the text. */
export interface SuggestionMark extends DocRange {
  key: string
  kind: FactKind
  title: string
}

/** What the user asked to tag: the selection, its text, and the anchor the command needs. */
export interface TagRequest extends DocRange {
  text: string
  anchor: EncodedAnchor
}

/** How a tag's card was asked for. */
export type CardTrigger = 'click' | 'hover' | 'keyboard'

/**
 * What the fact-tagging editor extension needs from the page around it: the page (FactsController
 * in features/facts) implements it. The extension knows ProseMirror; the host knows records, roles
 * and commands. `subscribe` tells the extension to redraw (a record, a suggestion or the focus changed).
 */
export interface FactTaggingHost {
  /** True when the user may tag facts (tagFacts). */
  canTag(): boolean
  /** How the tag `tagId` looks now (reads its record). */
  lookOf(tagId: string): TagLook
  /** The tag to emphasize (its card is open, or it was just revealed), or null. */
  focusedTag(): string | null
  /** Where the current suggestions are in `state` (null: none shown). Called when the binding is in step. */
  suggestionMarks(state: EditorState): SuggestionMark[]
  /** The user asked to tag the selection (Tag fact button, Mod-Shift-F). */
  requestTag(request: TagRequest): void
  /** The user clicked, hovered or pressed the shortcut on a tag. */
  showCard(tagId: string, trigger: CardTrigger): void
  /** The pointer left tagged text (a card opened by hovering may close). */
  leaveTag(): void
  /** The user clicked text that carries no tag (an open card closes). */
  clickOutsideTags(): void
  /** Escape in the editor: closes an open card; false when there was none (the key is not used). */
  dismissCard(): boolean
  /** The editor view, once mounted (null when destroyed): the host scrolls to and selects tags through it. */
  attachView(view: EditorView | null): void
  /** Calls `listener` when something the decorations show changed; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
}
