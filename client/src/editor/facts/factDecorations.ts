import type { Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { ySyncPluginKey } from 'y-prosemirror'
import { FACT_MARK } from '../../../../shared/article/index.ts'
import type { FactTaggingHost, SuggestionMark } from './factTaggingHost.ts'

/** One text node's share of a tag. */
interface TagPiece {
  from: number
  to: number
  /** 0 for the outermost tag on this text, 1 for one nested in it, … (underlines stack below each other). */
  depth: number
}

/** The decorations plugin's state: where suggestions are (they follow edits) and what is drawn. */
export interface FactDecorationsState {
  suggestions: SuggestionMark[]
  decorations: DecorationSet
}

export const factDecorationsKey = new PluginKey<FactDecorationsState>('factDecorations')

/** Transaction meta asking the plugin to read the host again (records, suggestions or focus changed). */
const REFRESH = 'refresh'

/** Deepest nesting drawn apart; deeper tags share the last underline position. */
const MAX_DEPTH = 2

/** Every fact tag's pieces in `doc`, by tag id, in document order. */
export function tagPiecesOf(doc: PmNode): Map<string, TagPiece[]> {
  // First the extent of each tag, so that on any text the longer (outer) tag is drawn first.
  const extents = new Map<string, { from: number; to: number }>()
  doc.descendants((node, pos) => {
    if (!node.isText) return
    for (const mark of node.marks) {
      const id = mark.type.name === FACT_MARK ? mark.attrs.tagId : null
      if (typeof id !== 'string') continue
      const extent = extents.get(id)
      if (extent) extent.to = pos + node.nodeSize
      else extents.set(id, { from: pos, to: pos + node.nodeSize })
    }
  })
  const pieces = new Map<string, TagPiece[]>()
  doc.descendants((node, pos) => {
    if (!node.isText) return
    const ids = node.marks
      .map((mark) => (mark.type.name === FACT_MARK ? mark.attrs.tagId : null))
      .filter((id): id is string => typeof id === 'string')
    const length = (id: string): number => {
      const extent = extents.get(id)!
      return extent.to - extent.from
    }
    ids.sort((a, b) => length(b) - length(a) || (a < b ? -1 : 1))
    ids.forEach((id, depth) => {
      const list = pieces.get(id) ?? []
      list.push({ from: pos, to: pos + node.nodeSize, depth: Math.min(depth, MAX_DEPTH) })
      pieces.set(id, list)
    })
  })
  return pieces
}

/** The document range a tag covers, from its first to its last character, or null when it covers none. */
export function tagExtentOf(doc: PmNode, tagId: string): { from: number; to: number } | null {
  const pieces = tagPiecesOf(doc).get(tagId)
  if (!pieces || pieces.length === 0) return null
  return { from: pieces[0]!.from, to: pieces[pieces.length - 1]!.to }
}

function buildDecorations(doc: PmNode, host: FactTaggingHost, suggestions: readonly SuggestionMark[]): DecorationSet {
  const decorations: Decoration[] = []
  const focused = host.focusedTag()
  for (const [id, pieces] of tagPiecesOf(doc)) {
    const look = host.lookOf(id)
    const status = look.status ?? 'none'
    pieces.forEach((piece) => {
      const classes = ['fact-tag-line', `fact-status-look--${status}`, `fact-tag-line--depth-${piece.depth}`]
      if (id === focused) classes.push('fact-tag-line--focused')
      decorations.push(
        Decoration.inline(
          piece.from,
          piece.to,
          // nodeName: a wrapper of its own per tag, so nested tags keep one underline each.
          { nodeName: 'span', class: classes.join(' '), 'data-fact-tag-id': id, 'data-fact-status': look.status ?? 'none', title: look.title },
          { factTagId: id },
        ),
      )
    })
    // The status icon (so that colour is not the only cue) once, after the tag's last word: a widget,
    // since a wrapper's ::after would repeat wherever another decoration splits the tag's text.
    const end = pieces[pieces.length - 1]!.to
    decorations.push(Decoration.widget(end, () => statusIcon(look.icon, status), { side: -1, ignoreSelection: true, key: `fact-icon:${id}:${status}` }))
  }
  for (const s of suggestions) {
    if (s.from >= s.to || s.to > doc.content.size) continue
    decorations.push(
      Decoration.inline(s.from, s.to, { class: `fact-suggestion fact-suggestion--${s.kind}`, 'data-suggestion-key': s.key, title: s.title }, { suggestionKey: s.key }),
    )
  }
  return DecorationSet.create(doc, decorations)
}

/** The icon widget after a tag: not editable, hidden from screen readers (the facts panel says the status in words). */
function statusIcon(icon: string, status: string): HTMLElement {
  const element = document.createElement('span')
  element.className = `fact-tag-icon fact-status-look--${status}`
  element.contentEditable = 'false'
  element.setAttribute('aria-hidden', 'true')
  element.textContent = icon
  return element
}

/** True for a transaction y-prosemirror made from the Y.Doc (a colleague's change, undo, the first render): its mapping is in step. */
function fromYDoc(tr: Transaction): boolean {
  return tr.getMeta(ySyncPluginKey) !== undefined && tr.docChanged
}

/** Moves suggestion highlights through a local edit; ones whose text was deleted go. */
function mapSuggestions(tr: Transaction, suggestions: readonly SuggestionMark[]): SuggestionMark[] {
  return suggestions.flatMap((s) => {
    const from = tr.mapping.map(s.from, 1)
    const to = tr.mapping.map(s.to, -1)
    return from < to ? [{ ...s, from, to }] : []
  })
}

/**
 * Draws fact tags and suggestions. Each tag's text gets an underline whose class says the status
 * of its record (the mark carries only the id; the host reads the record), with an icon widget after it
 * and a line style per status, so colour is not the only cue. Suggestions get a dashed highlight.
 * Redrawn on every document change and whenever the host says its records, suggestions or focus
 * changed (REFRESH). Suggestions are held as Yjs relative positions by the host: they are read
 * again when the Y.Doc changed the document (then y-prosemirror's mapping is current) and mapped
 * through local edits otherwise (then it is one step behind).
 */
export function factDecorationsPlugin(host: FactTaggingHost): Plugin<FactDecorationsState> {
  return new Plugin<FactDecorationsState>({
    key: factDecorationsKey,
    state: {
      init(_config, state) {
        return { suggestions: [], decorations: buildDecorations(state.doc, host, []) }
      },
      apply(tr, previous, _oldState, newState) {
        const refresh = tr.getMeta(factDecorationsKey) === REFRESH
        if (!refresh && !tr.docChanged) return previous
        const suggestions = refresh || fromYDoc(tr) ? host.suggestionMarks(newState) : mapSuggestions(tr, previous.suggestions)
        return { suggestions, decorations: buildDecorations(newState.doc, host, suggestions) }
      },
    },
    props: {
      decorations(state) {
        return factDecorationsKey.getState(state)?.decorations
      },
      handleClick(_view, _pos, event) {
        const id = tagIdAt(event.target)
        if (id !== null) host.showCard(id, 'click')
        else host.clickOutsideTags()
        // The click also places the caret as usual.
        return false
      },
      handleDOMEvents: {
        mouseover(_view, event) {
          const id = tagIdAt(event.target)
          if (id !== null) host.showCard(id, 'hover')
          return false
        },
        mouseout(_view, event) {
          const from = tagIdAt(event.target)
          if (from !== null && tagIdAt(event.relatedTarget) !== from) host.leaveTag()
          return false
        },
      },
    },
    view(view: EditorView) {
      host.attachView(view)
      let scheduled = false
      const unsubscribe = host.subscribe(() => {
        if (scheduled) return
        scheduled = true
        // Never dispatch from inside another dispatch (a record can change while a transaction applies).
        queueMicrotask(() => {
          scheduled = false
          if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(factDecorationsKey, REFRESH).setMeta('addToHistory', false))
        })
      })
      return {
        destroy() {
          unsubscribe()
          host.attachView(null)
        },
      }
    },
  })
}

/** The innermost tag the DOM node is in, by its decoration's data attribute, or null. */
function tagIdAt(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null
  return target.closest('[data-fact-tag-id]')?.getAttribute('data-fact-tag-id') ?? null
}
