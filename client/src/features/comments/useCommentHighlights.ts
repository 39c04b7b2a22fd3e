import { useEditorState, type Editor } from '@tiptap/react'
import { commentHighlightsState, commentableSelection, type AnchorRange } from '../../editor/comments/index.ts'

/**
 * What the margin reads from the editor: where anchors start, the active thread, the draft, the
 * selection. (Layout follows every edit by listening to the editor's transactions, not through this.)
 */
export interface CommentEditorView {
  /**
   * Threads with an anchor in the text (marked, or pending here), in the order their anchors start.
   * An order rather than positions, so that typing (which moves every position) re-renders nothing.
   */
  anchorOrder: string[]
  activeId: string | null
  draft: AnchorRange | null
  /** The selection, when a comment could be opened on it. */
  selection: (AnchorRange & { quote: string }) | null
}

const NOTHING: CommentEditorView = { anchorOrder: [], activeId: null, draft: null, selection: null }

/** The comment highlights plugin's state and the selection, re-rendering when they change. */
export function useCommentHighlights(editor: Editor | null): CommentEditorView {
  return (
    useEditorState({
      editor,
      selector: ({ editor: current }): CommentEditorView => {
        if (!current) return NOTHING
        const state = commentHighlightsState(current.state)
        if (!state) return NOTHING
        const starts = new Map<string, number>()
        for (const [id, range] of state.pending) starts.set(id, range.from)
        for (const [id, ranges] of state.anchors) if (ranges[0]) starts.set(id, ranges[0].from)
        return {
          anchorOrder: [...starts].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id),
          activeId: state.activeId,
          draft: state.draft,
          selection: commentableSelection(current.state),
        }
      },
    }) ?? NOTHING
  )
}
