import { isApple } from '../shortcutLabel.ts'

/** The keyboard shortcut that comments on the selection (or, with none, goes to the thread at the caret). */
export const COMMENT_SHORTCUT = 'Mod-Alt-m'

/**
 * True for COMMENT_SHORTCUT: Ctrl+Alt+M (⌘⌥M on a Mac). Read from the physical key, because Alt
 * changes the character (⌥M types µ on a Mac). Not bound by Tiptap's starter kit (its Mod-Alt
 * shortcuts are digits for headings and C for code blocks) nor by the browsers Galley supports.
 */
export function isCommentShortcut(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code' | 'key'>, apple = isApple()): boolean {
  const mod = apple ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
  return mod && event.altKey && !event.shiftKey && (event.code === 'KeyM' || event.key.toLowerCase() === 'm')
}
