import type { EditorState } from '@tiptap/pm/state'
import * as Y from 'yjs'
import { absolutePositionToRelativePosition, ySyncPluginKey } from 'y-prosemirror'
import type { AnchorRange } from './commentAnchors.ts'

/** Longest text shown as the quote of a comment being written (characters); the server keeps its own. */
const QUOTE_PREVIEW_CHARS = 2000

/**
 * The span a comment would anchor on: the selection, or null when it covers no text (empty, only
 * spaces, or a node selection without text).
 */
export function commentableSelection(state: EditorState): (AnchorRange & { quote: string }) | null {
  const { from, to, empty } = state.selection
  if (empty) return null
  const quote = state.doc.textBetween(from, to, '\n').slice(0, QUOTE_PREVIEW_CHARS)
  return quote.trim() === '' ? null : { from, to, quote }
}

/**
 * A span of the editor's document as the `thread.create` anchor wants it (docs/protocol.md P14):
 * Y.encodeRelativePosition of both ends in the body, through y-prosemirror's binding, so that the
 * server finds the same characters whatever was typed since. Null when the editor is not bound.
 */
export function encodeAnchor(state: EditorState, range: AnchorRange): { start: Uint8Array; end: Uint8Array } | null {
  const binding = ySyncPluginKey.getState(state)?.binding as
    | { type: Y.XmlFragment; mapping: Parameters<typeof absolutePositionToRelativePosition>[2] }
    | undefined
  if (!binding) return null
  const start = absolutePositionToRelativePosition(range.from, binding.type, binding.mapping)
  const end = absolutePositionToRelativePosition(range.to, binding.type, binding.mapping)
  return { start: Y.encodeRelativePosition(start), end: Y.encodeRelativePosition(end) }
}
