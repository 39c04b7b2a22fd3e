import type { EditorState } from '@tiptap/pm/state'
import * as Y from 'yjs'
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from 'y-prosemirror'
import type { DocRange } from './plainTextPositions.ts'

/** A span of the body as the `fact.create`/`thread.create` commands take it: encoded Yjs relative positions. */
export interface EncodedAnchor {
  start: Uint8Array
  end: Uint8Array
}

/** A span of the body that follows concurrent edits: Yjs relative positions of its ends. */
export interface RelativeRange {
  start: Y.RelativePosition
  end: Y.RelativePosition
}

interface Binding {
  doc: Y.Doc
  type: Y.XmlFragment
  mapping: Map<Y.AbstractType<unknown>, unknown>
}

/** y-prosemirror's binding of this editor state to the Y.Doc, or null before it exists. */
function bindingOf(state: EditorState): Binding | null {
  const binding = (ySyncPluginKey.getState(state) as { binding?: Binding | null } | undefined)?.binding
  return binding ?? null
}

/**
 * The Yjs relative positions of a document range. Call only with a state the binding has caught up
 * with (a command, a click, an event): during a local transaction's apply the Y.Doc is one step behind.
 */
export function relativeRangeOf(state: EditorState, range: DocRange): RelativeRange | null {
  const binding = bindingOf(state)
  if (!binding) return null
  try {
    return {
      start: absolutePositionToRelativePosition(range.from, binding.type, binding.mapping as never) as Y.RelativePosition,
      end: absolutePositionToRelativePosition(range.to, binding.type, binding.mapping as never) as Y.RelativePosition,
    }
  } catch {
    return null
  }
}

/** A relative range encoded for a command. */
export function encodeRange(range: RelativeRange): EncodedAnchor {
  return { start: Y.encodeRelativePosition(range.start), end: Y.encodeRelativePosition(range.end) }
}

/**
 * Where a relative range is now in the document, or null when its text is gone (or the binding's
 * mapping does not know a part of the document yet).
 */
export function docRangeOf(state: EditorState, range: RelativeRange): DocRange | null {
  const binding = bindingOf(state)
  if (!binding) return null
  try {
    const from = relativePositionToAbsolutePosition(binding.doc, binding.type, range.start, binding.mapping as never)
    const to = relativePositionToAbsolutePosition(binding.doc, binding.type, range.end, binding.mapping as never)
    if (from === null || to === null || from >= to || to > state.doc.content.size) return null
    return { from, to }
  } catch {
    return null
  }
}
