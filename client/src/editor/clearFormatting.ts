import { Extension } from '@tiptap/core'
import type { MarkType, Schema } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { COMMENT_MARK, FACT_MARK } from '../../../shared/article/index.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    clearFormatting: {
      /** Removes bold, italic and other formatting marks from the selection; keeps fact tags, comment anchors and links. */
      clearFormatting: () => ReturnType
    }
  }
}

/**
 * Marks that are not formatting and that "Clear formatting" must keep: fact tags and comment anchors
 * tie records to the text (removing them would orphan checked facts and threads), and a link is an
 * address the reporter gave, removed on purpose with "Remove link" (as word processors keep links).
 */
export const KEPT_MARKS: ReadonlySet<string> = new Set([FACT_MARK, COMMENT_MARK, 'link'])

/** The schema's formatting marks: every mark but KEPT_MARKS. */
export function formattingMarks(schema: Schema): MarkType[] {
  return Object.values(schema.marks).filter((type) => !KEPT_MARKS.has(type.name))
}

/** True when the selection holds a formatting mark (or the caret has one stored for typing). */
export function hasFormatting(state: EditorState): boolean {
  const types = formattingMarks(state.schema)
  const { from, to, empty, $from } = state.selection
  if (empty) return types.some((type) => type.isInSet(state.storedMarks ?? $from.marks()) !== undefined)
  return types.some((type) => state.doc.rangeHasMark(from, to, type))
}

/** Removes the formatting marks from the selection (or, for a caret, from what is typed next). */
export function removeFormatting(tr: Transaction): Transaction {
  const types = formattingMarks(tr.doc.type.schema)
  const { from, to, empty } = tr.selection
  for (const type of types) {
    if (empty) tr.removeStoredMark(type)
    else tr.removeMark(from, to, type)
  }
  return tr
}

/**
 * "Clear formatting" (Mod-\, as in common word processors): removes formatting marks only, never
 * fact tags, comment anchors or links (KEPT_MARKS), and leaves blocks as they are.
 */
export const ClearFormatting = Extension.create({
  name: 'clearFormatting',

  addCommands() {
    return {
      clearFormatting:
        () =>
        ({ state, tr, dispatch }) => {
          if (!hasFormatting(state)) return false
          if (dispatch) removeFormatting(tr)
          return true
        },
    }
  },

  addKeyboardShortcuts() {
    return { 'Mod-\\': () => this.editor.commands.clearFormatting() }
  },
})
