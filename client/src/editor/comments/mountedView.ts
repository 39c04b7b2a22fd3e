import type { Editor } from '@tiptap/core'
import type { EditorView } from '@tiptap/pm/view'

/**
 * The editor's ProseMirror view once it is in the page, else null: Tiptap creates the editor before
 * EditorContent mounts it, and its stand-in view throws on anything that needs the DOM.
 */
export function mountedView(editor: Editor | null): EditorView | null {
  if (!editor || editor.isDestroyed) return null
  try {
    return editor.view.dom?.isConnected ? editor.view : null
  } catch {
    return null
  }
}
