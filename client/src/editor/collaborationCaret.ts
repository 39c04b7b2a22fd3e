import { Extension } from '@tiptap/core'
import type { DecorationAttrs } from '@tiptap/pm/view'
import { yCursorPlugin } from 'y-prosemirror'
import type { Awareness } from 'y-protocols/awareness'
import { MAX_DISPLAY_NAME_LENGTH } from '../../../shared/protocol/index.ts'

/** Options of the CollaborationCaret extension. */
export interface CollaborationCaretOptions {
  /** The article session's awareness: carets are read from it and this editor's caret written to it. */
  awareness: Awareness | null
}

/** Shown for a state whose colour is not `#rgb`/`#rrggbb` (the server checks, but never trust a peer). */
const FALLBACK_COLOR = '#6b7280'

/** A peer's colour as `#rrggbb`, or the fallback: it ends up in a style attribute, so only hex passes. */
function caretColor(color: unknown): string {
  if (typeof color !== 'string') return FALLBACK_COLOR
  if (/^#[0-9a-f]{6}$/i.test(color)) return color
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color)
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : FALLBACK_COLOR
}

/** A peer's display name as plain text, never empty. */
function caretName(name: unknown): string {
  const text = typeof name === 'string' ? name.replace(/\s+/g, ' ').trim().slice(0, MAX_DISPLAY_NAME_LENGTH) : ''
  return text || 'Anonymous'
}

/**
 * The caret of one remote editor: a bar in their colour with their name above it. Built with DOM
 * APIs and textContent — names are data, never markup. Hidden from screen readers, which learn who
 * is here from the presence list instead of a name read out in the middle of a sentence.
 */
export function buildCaret(user: { name?: unknown; color?: unknown } | undefined): HTMLElement {
  const color = caretColor(user?.color)
  const caret = document.createElement('span')
  caret.className = 'collaboration-caret__caret'
  caret.setAttribute('aria-hidden', 'true')
  caret.style.borderColor = color
  const label = document.createElement('span')
  label.className = 'collaboration-caret__label'
  label.style.backgroundColor = color
  label.textContent = caretName(user?.name)
  // Word joiners keep the caret from being wrapped away from the character it stands at.
  caret.append('\u2060', label, '\u2060')
  return caret
}

/** The decoration of a remote selection: their colour, translucent. */
export function buildSelection(user: { color?: unknown } | undefined): DecorationAttrs {
  return { class: 'collaboration-caret__selection', style: `background-color: ${caretColor(user?.color)}33` }
}

/**
 * Shows colleagues' carets and selections (y-prosemirror's cursor plugin over the session's awareness)
 * and publishes this editor's selection in the awareness `cursor` field. Needs Collaboration.
 */
export const CollaborationCaret = Extension.create<CollaborationCaretOptions>({
  name: 'collaborationCaret',

  addOptions() {
    return { awareness: null }
  },

  addProseMirrorPlugins() {
    const awareness = this.options.awareness
    if (!awareness) throw new RangeError('CollaborationCaret: pass the session awareness, CollaborationCaret.configure({ awareness })')
    return [yCursorPlugin(awareness, { cursorBuilder: buildCaret, selectionBuilder: buildSelection })]
  },
})
