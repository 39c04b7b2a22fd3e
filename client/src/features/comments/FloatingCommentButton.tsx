import { useLayoutEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import type { Editor } from '@tiptap/react'
import { COMMENT_SHORTCUT, mountedView } from '../../editor/comments/index.ts'
import { shortcutLabel } from '../../editor/index.ts'

interface FloatingCommentButtonProps {
  editor: Editor
  /** The selection to offer a comment on (ProseMirror positions). */
  from: number
  to: number
  onComment: () => void
}

/**
 * A "Comment" button beside the selected text, in the story's right-hand gutter level with the
 * selection's first line (where Google Docs puts it). Rendered into the editor's own box, which is
 * positioned; a mouse press on it keeps the selection. Keyboard users have the shortcut instead, so
 * it takes no tab stop of its own away from the text: it is reachable, but after the story.
 */
export function FloatingCommentButton({ editor, from, to, onComment }: FloatingCommentButtonProps) {
  const [place, setPlace] = useState<{ host: HTMLElement; top: number } | null>(null)

  useLayoutEffect(() => {
    const measure = (): void => {
      const view = mountedView(editor)
      const host = view?.dom.closest<HTMLElement>('.article-editor') ?? null
      if (!view || !host) {
        setPlace(null)
        return
      }
      try {
        const top = view.coordsAtPos(from, 1).top - host.getBoundingClientRect().top
        setPlace((previous) => (previous?.host === host && previous.top === top ? previous : { host, top }))
      } catch {
        setPlace(null)
      }
    }
    measure()
    window.addEventListener('resize', measure)
    return () => window.removeEventListener('resize', measure)
  }, [editor, from, to])

  if (!place) return null
  const shortcut = shortcutLabel(COMMENT_SHORTCUT)
  return createPortal(
    <button
      type="button"
      className="comment-float-button"
      style={{ top: `${place.top}px` }}
      title={`Comment on the selected text (${shortcut})`}
      aria-label="Comment on the selected text"
      aria-keyshortcuts={ariaShortcut(COMMENT_SHORTCUT)}
      data-testid="comment-float-button"
      onMouseDown={(event) => event.preventDefault()}
      onClick={onComment}
    >
      <svg viewBox="0 0 20 20" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
        <path d="M4 4.5h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H9l-3.5 3v-3H4a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1Z" />
        <path d="M10 7v4M8 9h4" />
      </svg>
    </button>,
    place.host,
  )
}

/** A ProseMirror key name as aria-keyshortcuts wants it (`Control+Alt+M`; `Meta` on a Mac). */
export function ariaShortcut(keys: string): string {
  const apple = typeof navigator !== 'undefined' && /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent)
  return keys
    .split('-')
    .map((part) => (part === 'Mod' ? (apple ? 'Meta' : 'Control') : part.length === 1 ? part.toUpperCase() : part))
    .join('+')
}
