import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { storySelection, takeBrowserSelection } from './domSelection.ts'
import { isApple } from './shortcutLabel.ts'

type Granularity = 'character' | 'word' | 'line' | 'lineboundary' | 'documentboundary'

/** What a navigation key does: the direction, and how far without and with Ctrl (⌥ on a Mac). */
const MOVES: Record<string, { direction: 'forward' | 'backward'; step: Granularity; far: Granularity }> = {
  ArrowLeft: { direction: 'backward', step: 'character', far: 'word' },
  ArrowRight: { direction: 'forward', step: 'character', far: 'word' },
  ArrowUp: { direction: 'backward', step: 'line', far: 'line' },
  ArrowDown: { direction: 'forward', step: 'line', far: 'line' },
  Home: { direction: 'backward', step: 'lineboundary', far: 'documentboundary' },
  End: { direction: 'forward', step: 'lineboundary', far: 'documentboundary' },
}

const key = new PluginKey('readOnlyCaret')

/** Puts a collapsed selection at the start of the story's first text. */
function caretAtStart(view: EditorView): Selection | null {
  const selection = view.dom.ownerDocument.getSelection()
  if (!selection) return null
  let start: number | null = null
  view.state.doc.descendants((node, pos) => {
    if (start !== null) return false
    if (node.isTextblock) start = pos + 1
    return start === null
  })
  const { node, offset } = view.domAtPos(start ?? 0)
  selection.collapse(node, offset)
  return selection
}

/**
 * Keyboard selection in a story the user may not edit (reviewers, fact-checkers, viewers), so that a
 * keyboard user can select words to comment on or to tag, as with a read-only text field. The body is
 * then not contenteditable (its role cannot change it, and a read-only editor that stays
 * contenteditable has to fight every way a browser edits), so the browser gives it no caret: this
 * makes it focusable, moves the browser's selection with the arrow keys, Home and End (with Shift
 * to select, Ctrl or ⌥ for words and the whole story) and hands it to ProseMirror at once, and
 * draws a caret while it is collapsed. Does nothing while the editor is editable.
 */
export const ReadOnlyCaret = Extension.create({
  name: 'readOnlyCaret',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key,
        props: {
          attributes: (): Record<string, string> => (this.editor.isEditable ? {} : { tabindex: '0' }),
          handleDOMEvents: {
            focus: (view) => {
              if (!view.editable && !storySelection(view)) caretAtStart(view)
              return false
            },
            keydown: (view, event) => {
              const move = MOVES[event.key]
              if (view.editable || !move) return false
              const far = isApple() ? event.altKey : event.ctrlKey
              const selection = storySelection(view) ?? caretAtStart(view)
              if (!selection) return false
              selection.modify(event.shiftKey ? 'extend' : 'move', move.direction, far ? move.far : move.step)
              // Now, not at the browser's selectionchange: the next key may come first.
              takeBrowserSelection(view)
              event.preventDefault()
              return true
            },
          },
          decorations: (state) => {
            const { selection } = state
            if (this.editor.isEditable || !selection.empty) return null
            const caret = document.createElement('span')
            caret.className = 'read-only-caret'
            caret.setAttribute('aria-hidden', 'true')
            return DecorationSet.create(state.doc, [Decoration.widget(selection.head, caret, { key: 'read-only-caret', side: 1 })])
          },
        },
      }),
    ]
  },
})
