import { Extension } from '@tiptap/core'
import type { EditorState } from '@tiptap/pm/state'
import { FACT_MARK } from '../../../../shared/article/index.ts'
import { encodeRange, relativeRangeOf } from './factAnchor.ts'
import { factDecorationsPlugin, tagPiecesOf } from './factDecorations.ts'
import type { FactTaggingHost } from './factTaggingHost.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    factTagging: {
      /** Asks the host to tag the selection (opens the kind menu): needs tagFacts, an editable editor and selected text. */
      openFactTagMenu: () => ReturnType
      /** Opens the card of the innermost fact tag at the caret. */
      openFactCardAtSelection: () => ReturnType
    }
  }
}

/** Options of the FactTagging extension. */
export interface FactTaggingOptions {
  /** The page's side of fact tagging (FactsController). */
  host: FactTaggingHost | null
}

/** The keyboard shortcut that tags the selection, or opens the card of the tag at the caret. */
export const TAG_FACT_SHORTCUT = 'Mod-Shift-f'

/** The innermost (shortest) fact tag at the selection's start, or null. */
export function tagIdAtSelection(state: EditorState): string | null {
  const { from, to } = state.selection
  let best: { id: string; length: number } | null = null
  for (const [id, pieces] of tagPiecesOf(state.doc)) {
    // The caret counts as inside when it touches the tag, at either end.
    if (!pieces.some((p) => p.from <= from && to <= p.to)) continue
    const length = pieces[pieces.length - 1]!.to - pieces[0]!.from
    if (best === null || length < best.length) best = { id, length }
  }
  return best?.id ?? null
}

/** The selection as text, or null when it covers no words (empty, only spaces, a node without text). */
function selectedText(state: EditorState): string | null {
  const { from, to, empty } = state.selection
  if (empty) return null
  const text = state.doc.textBetween(from, to, '\n')
  return text.trim() === '' ? null : text
}

/**
 * Fact tagging in the editor: draws tags and suggestions (factDecorationsPlugin), opens a tag's card
 * on click or hover, and tags the selection with Mod-Shift-F (or the toolbar's Tag fact, through
 * openFactTagMenu). With the caret in a tag and nothing selected, Mod-Shift-F opens its card. The tag
 * itself is made by the server (`fact.create`), never by this editor: the host sends the command.
 * Escape closes an open card.
 */
export const FactTagging = Extension.create<FactTaggingOptions>({
  name: 'factTagging',

  addOptions() {
    return { host: null }
  },

  addCommands() {
    const host = this.options.host
    return {
      openFactTagMenu:
        () =>
        ({ state, editor, dispatch }) => {
          if (!host || !host.canTag() || !editor.isEditable || state.doc.type.schema.marks[FACT_MARK] === undefined) return false
          const text = selectedText(state)
          if (text === null) return false
          if (!dispatch) return true
          const { from, to } = state.selection
          const range = relativeRangeOf(state, { from, to })
          if (!range) return false
          host.requestTag({ from, to, text, anchor: encodeRange(range) })
          return true
        },
      openFactCardAtSelection:
        () =>
        ({ state, dispatch }) => {
          if (!host) return false
          const id = tagIdAtSelection(state)
          if (id === null) return false
          if (dispatch) host.showCard(id, 'keyboard')
          return true
        },
    }
  },

  addKeyboardShortcuts() {
    return {
      [TAG_FACT_SHORTCUT]: () => this.editor.commands.openFactTagMenu() || this.editor.commands.openFactCardAtSelection(),
      Escape: () => this.options.host?.dismissCard() ?? false,
    }
  },

  addProseMirrorPlugins() {
    const host = this.options.host
    if (!host) throw new RangeError('FactTagging: pass the page’s host, FactTagging.configure({ host })')
    return [factDecorationsPlugin(host)]
  },
})
