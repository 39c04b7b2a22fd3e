import { Extension } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { ySyncPluginKey } from 'y-prosemirror'
import { commentAnchorsOf, threadAt, type AnchorRange } from './commentAnchors.ts'
import { COMMENT_SHORTCUT } from './commentShortcut.ts'
import { commentableSelection } from './selectionAnchor.ts'

/** What the comment highlights plugin knows: where anchors are, and what the margin shows. */
export interface CommentHighlightsState {
  /** Each thread's anchor ranges, from the comment marks (see commentAnchorsOf). */
  anchors: Map<string, AnchorRange[]>
  /** The thread the user is looking at: highlighted more strongly. */
  activeId: string | null
  /** Threads whose anchors are highlighted (the margin's filter); null = every thread. */
  shown: ReadonlySet<string> | null
  /** The span a comment is being written on, before it is sent. */
  draft: AnchorRange | null
  /** Spans of threads opened here that the server has not marked yet, by thread id. */
  pending: Map<string, AnchorRange>
  decorations: DecorationSet
}

/** A change to the plugin's state, sent as transaction meta (see the set* functions below). */
interface CommentHighlightsMeta {
  activeId?: string | null
  shown?: ReadonlySet<string> | null
  draft?: AnchorRange | null
  pending?: { threadId: string; range: AnchorRange | null }
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    commentHighlights: {
      /**
       * Starts a comment on the selection: marks it as the draft span (the margin opens its composer)
       * and clears the active thread. False when the selection covers no text.
       */
      commentOnSelection: () => ReturnType
    }
  }
}

/** The comment highlights plugin's key: read its state with commentHighlightsState. */
export const commentHighlightsKey = new PluginKey<CommentHighlightsState>('commentHighlights')

/** The plugin's state in an editor state (undefined when the extension is not installed). */
export function commentHighlightsState(state: EditorState): CommentHighlightsState | undefined {
  return commentHighlightsKey.getState(state)
}

function dispatchMeta(view: EditorView, meta: CommentHighlightsMeta): void {
  // Not an edit: never undone, never sent anywhere (no doc change).
  view.dispatch(view.state.tr.setMeta(commentHighlightsKey, meta).setMeta('addToHistory', false))
}

/** Makes `threadId` (or none) the active thread. */
export function setActiveThread(view: EditorView, threadId: string | null): void {
  if (commentHighlightsKey.getState(view.state)?.activeId !== threadId) dispatchMeta(view, { activeId: threadId })
}

/** Highlights only these threads' anchors (null: all). */
export function setShownThreads(view: EditorView, shown: ReadonlySet<string> | null): void {
  dispatchMeta(view, { shown })
}

/** Marks the span a comment is being written on (null when the composer closes). */
export function setCommentDraft(view: EditorView, draft: AnchorRange | null): void {
  dispatchMeta(view, { draft })
}

/** Highlights the span of a thread opened here until the server's mark arrives (null: forget it). */
export function setPendingAnchor(view: EditorView, threadId: string, range: AnchorRange | null): void {
  dispatchMeta(view, { pending: { threadId, range } })
}

function mapRange(tr: Transaction, range: AnchorRange): AnchorRange | null {
  const from = tr.mapping.map(range.from, 1)
  const to = tr.mapping.map(range.to, -1)
  return from < to ? { from, to } : null
}

/** True for a transaction that y-prosemirror made from a colleague's change (not this user's doing). */
function isRemote(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined
  return meta?.isChangeOrigin === true
}

function buildDecorations(doc: PmNode, state: Omit<CommentHighlightsState, 'decorations'>): DecorationSet {
  const decorations: Decoration[] = []
  for (const [id, ranges] of state.anchors) {
    if (state.shown && !state.shown.has(id)) continue
    const active = id === state.activeId
    for (const range of ranges) {
      decorations.push(
        Decoration.inline(range.from, range.to, {
          class: active ? 'comment-highlight comment-highlight--active' : 'comment-highlight',
          'data-comment-thread': id,
        }),
      )
    }
  }
  for (const [id, range] of state.pending) {
    if (state.anchors.has(id)) continue
    decorations.push(Decoration.inline(range.from, range.to, { class: 'comment-highlight comment-highlight--pending', 'data-comment-thread': id }))
  }
  if (state.draft) decorations.push(Decoration.inline(state.draft.from, state.draft.to, { class: 'comment-highlight comment-highlight--draft' }))
  return DecorationSet.create(doc, decorations)
}

/**
 * Highlights the text each comment thread is anchored on (reading the `comment` marks), more strongly
 * for the active thread, plus the span of a comment being written and of threads not yet marked by
 * the server. Clicking a highlight, or moving the caret into one, makes its thread active (the margin
 * follows activeId). Holds no
 * thread records: the margin tells it which threads to show (setShownThreads) and which is active.
 */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',

  addCommands() {
    return {
      commentOnSelection:
        () =>
        ({ state, tr, dispatch }) => {
          const selection = commentableSelection(state)
          if (!selection) return false
          if (dispatch) {
            const meta: CommentHighlightsMeta = { draft: { from: selection.from, to: selection.to }, activeId: null }
            tr.setMeta(commentHighlightsKey, meta).setMeta('addToHistory', false)
          }
          return true
        },
    }
  },

  addKeyboardShortcuts() {
    // When the editor has the focus; a read-only view cannot take it, so the margin also listens on
    // the document (and, with no text selected, takes the same keys to the thread at the caret).
    return { [COMMENT_SHORTCUT]: () => this.editor.commands.commentOnSelection() }
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<CommentHighlightsState>({
        key: commentHighlightsKey,
        state: {
          init(_config, state) {
            const base = { anchors: commentAnchorsOf(state.doc), activeId: null, shown: null, draft: null, pending: new Map<string, AnchorRange>() }
            return { ...base, decorations: buildDecorations(state.doc, base) }
          },
          apply(tr, previous, _oldState, newState) {
            const meta = tr.getMeta(commentHighlightsKey) as CommentHighlightsMeta | undefined
            if (!tr.docChanged && !meta && !tr.selectionSet) return previous
            const next = { ...previous }
            if (tr.docChanged) {
              next.anchors = commentAnchorsOf(newState.doc)
              next.draft = previous.draft && mapRange(tr, previous.draft)
              next.pending = new Map()
              for (const [id, range] of previous.pending) {
                const mapped = mapRange(tr, range)
                // Once the server's mark is here, the local highlight has done its job.
                if (mapped && !next.anchors.has(id)) next.pending.set(id, mapped)
              }
            }
            if (meta?.shown !== undefined) next.shown = meta.shown
            if (meta?.draft !== undefined) next.draft = meta.draft
            if (meta?.pending) {
              next.pending = new Map(next.pending)
              if (meta.pending.range) next.pending.set(meta.pending.threadId, meta.pending.range)
              else next.pending.delete(meta.pending.threadId)
            }
            if (meta?.activeId !== undefined) next.activeId = meta.activeId
            else if (tr.selectionSet && !isRemote(tr) && !meta) {
              // The caret moved into an anchor: that thread is the one being looked at.
              const { from, to } = newState.selection
              const at = threadAt(next.anchors, from, next.shown)
              const inside = at !== null && next.anchors.get(at)!.some((r) => r.from <= from && to <= r.to)
              if (inside) next.activeId = at
            }
            if (
              !tr.docChanged &&
              next.activeId === previous.activeId &&
              next.shown === previous.shown &&
              next.draft === previous.draft &&
              next.pending === previous.pending
            ) {
              return previous
            }
            next.decorations = buildDecorations(newState.doc, next)
            return next
          },
        },
        props: {
          decorations(state) {
            return commentHighlightsKey.getState(state)?.decorations
          },
          handleClick(view, pos) {
            const state = commentHighlightsKey.getState(view.state)
            if (!state) return false
            const id = threadAt(state.anchors, pos, state.shown)
            if (id !== null) setActiveThread(view, id)
            // The click also places the caret as usual.
            return false
          },
        },
      }),
    ]
  },
})
