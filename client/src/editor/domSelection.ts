import { TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/**
 * The browser's selection when it starts in the story (a read-only story has one, though it never
 * has the focus), else null.
 */
export function storySelection(view: EditorView): Selection | null {
  const selection = view.dom.ownerDocument.getSelection()
  return selection?.anchorNode && view.dom.contains(selection.anchorNode) ? selection : null
}

/**
 * Brings the editor's selection up to the browser's at once. ProseMirror learns that the browser's
 * selection moved (keys in a read-only story, where ReadOnlyCaret moves it with Selection.modify)
 * only from the `selectionchange` event, which the browser sends as a task of its own: a busy page
 * can handle the next key press before it, and a shortcut would then act on the selection as it
 * was. Code that moves the selection or acts on it at a key press calls this first.
 *
 * Does nothing when the browser's selection is not in the story or is what the editor has already.
 */
export function takeBrowserSelection(view: EditorView): void {
  const selection = storySelection(view)
  const { anchorNode, focusNode } = selection ?? {}
  if (!selection || !anchorNode || !focusNode || !view.dom.contains(focusNode)) return
  let anchor: number
  let head: number
  try {
    anchor = view.posAtDOM(anchorNode, selection.anchorOffset)
    head = view.posAtDOM(focusNode, selection.focusOffset)
  } catch {
    // A node ProseMirror does not map (none in the story's text): leave it to selectionchange.
    return
  }
  const { state } = view
  if (state.selection.anchor === anchor && state.selection.head === head) return
  view.dispatch(state.tr.setSelection(TextSelection.between(state.doc.resolve(anchor), state.doc.resolve(head))))
}
