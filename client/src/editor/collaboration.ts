import { Extension } from '@tiptap/core'
import { Plugin, type EditorState } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import * as Y from 'yjs'
import {
  defaultDeleteFilter,
  defaultProtectedNodes,
  redo,
  undo,
  ySyncPlugin,
  ySyncPluginKey,
  yUndoPlugin,
  yUndoPluginKey,
} from 'y-prosemirror'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    collaboration: {
      /** Undoes this editor's last change (never a colleague's). */
      undo: () => ReturnType
      /** Redoes what undo took back. */
      redo: () => ReturnType
    }
  }
}

/** Options of the Collaboration extension. */
export interface CollaborationOptions {
  /** The Y.XmlFragment the editor edits: getBody(doc) from shared/article. */
  fragment: Y.XmlFragment | null
}

/** Per-editor storage of the Collaboration extension. */
export interface CollaborationStorage {
  /** Tracks this editor's own changes to the fragment; created with the editor's plugins. */
  undoManager: Y.UndoManager | null
}

type StackItemEvent = { stackItem: { meta: Map<unknown, unknown> } }

/**
 * y-prosemirror's undo plugin with a view that does NOT destroy the undo manager. Tiptap reconfigures
 * the plugins (EditorContent registers one on mount), which destroys and recreates every plugin view;
 * the stock view would destroy the Y.UndoManager there and undo would silently stop recording.
 * The manager's lifetime is the editor's instead (see onDestroy).
 */
function durableUndoPlugin(undoManager: Y.UndoManager): Plugin {
  const stock = yUndoPlugin({ undoManager })
  return new Plugin({
    ...stock.spec,
    view: (view: EditorView) => {
      // Remember the selection before each change, so undo puts the caret back where it was.
      const onAdded = ({ stackItem }: StackItemEvent): void => {
        const binding = ySyncPluginKey.getState(view.state)?.binding
        if (binding) stackItem.meta.set(binding, yUndoPluginKey.getState(view.state)?.prevSel)
      }
      const onPopped = ({ stackItem }: StackItemEvent): void => {
        const binding = ySyncPluginKey.getState(view.state)?.binding
        if (binding) binding.beforeTransactionSelection = stackItem.meta.get(binding) ?? binding.beforeTransactionSelection
      }
      undoManager.on('stack-item-added', onAdded)
      undoManager.on('stack-item-popped', onPopped)
      return {
        destroy: () => {
          undoManager.off('stack-item-added', onAdded)
          undoManager.off('stack-item-popped', onPopped)
        },
      }
    },
  })
}

/** True when the editor state has something of its own to undo (or redo). */
function hasStack(state: EditorState, which: 'undoStack' | 'redoStack'): boolean {
  const undoManager = yUndoPluginKey.getState(state)?.undoManager as Y.UndoManager | undefined
  return (undoManager?.[which].length ?? 0) > 0
}

/**
 * Binds the editor to a Y.XmlFragment through y-prosemirror (ySyncPlugin) with collaborative undo:
 * a Y.UndoManager that tracks only this editor's own transactions, so undo never takes back a
 * colleague's typing. Mod-z undoes, Mod-Shift-z and Mod-y redo. Use without ProseMirror history
 * (articleExtensions already leaves it out).
 */
export const Collaboration = Extension.create<CollaborationOptions, CollaborationStorage>({
  name: 'collaboration',
  // Before other plugins: the caret and undo plugins read the sync plugin's state when they start.
  priority: 1000,

  addOptions() {
    return { fragment: null }
  },

  addStorage() {
    return { undoManager: null }
  },

  addCommands() {
    return {
      undo:
        () =>
        ({ state, tr, dispatch }) => {
          // The change arrives through the Y.Doc, not through this transaction: do not dispatch it.
          tr.setMeta('preventDispatch', true)
          if (!hasStack(state, 'undoStack')) return false
          return dispatch ? undo(state) : true
        },
      redo:
        () =>
        ({ state, tr, dispatch }) => {
          tr.setMeta('preventDispatch', true)
          if (!hasStack(state, 'redoStack')) return false
          return dispatch ? redo(state) : true
        },
    }
  },

  addKeyboardShortcuts() {
    return {
      'Mod-z': () => this.editor.commands.undo(),
      'Mod-Shift-z': () => this.editor.commands.redo(),
      'Mod-y': () => this.editor.commands.redo(),
    }
  },

  addProseMirrorPlugins() {
    const fragment = this.options.fragment
    if (!fragment) throw new RangeError('Collaboration: pass the article body, Collaboration.configure({ fragment: getBody(doc) })')
    // Created once per editor and kept across remounts of the view; same settings as y-prosemirror's own.
    this.storage.undoManager ??= new Y.UndoManager(fragment, {
      trackedOrigins: new Set([ySyncPluginKey]),
      deleteFilter: (item) => defaultDeleteFilter(item, defaultProtectedNodes),
      captureTransaction: (tr) => tr.meta.get('addToHistory') !== false,
    })
    return [ySyncPlugin(fragment), durableUndoPlugin(this.storage.undoManager)]
  },

  onDestroy() {
    this.storage.undoManager?.destroy()
    this.storage.undoManager = null
  },
})
