import { useEffect, useId, useRef, type CSSProperties, type KeyboardEvent } from 'react'
import { FACT_KINDS, type FactKind } from '../../../../shared/article/index.ts'
import type { TagRequest } from '../../editor/facts/index.ts'
import { KIND_HINTS, KIND_LABELS } from './factLabels.ts'

interface TagFactMenuProps {
  request: TagRequest
  pending: boolean
  /** Why the last attempt failed (the server's words). */
  problem: string | null
  style?: CSSProperties
  onChoose: (kind: FactKind) => void
  /** Closes without tagging (Escape, Tab); focus goes back to the editor. */
  onClose: () => void
  /** The focus went elsewhere (a click outside): close, leaving the focus where it went. */
  onDismiss: () => void
}

/** A short quotation of the selection for the menu's heading. */
function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat
}

/**
 * "Tag as…": the kinds as a menu (WAI-ARIA menu pattern). Focus starts on the first kind; Up and
 * Down (and Home, End) move, Enter or Space chooses, a kind's first letter jumps to it, Escape or
 * Tab closes, and so does moving the focus elsewhere. While the server answers, the menu stays and
 * says so; a refusal is shown in it.
 */
export function TagFactMenu({ request, pending, problem, style, onChoose, onClose, onDismiss }: TagFactMenuProps) {
  const ids = useId()
  const items = useRef<Array<HTMLButtonElement | null>>([])

  useEffect(() => {
    items.current[0]?.focus()
  }, [request])

  const focusAt = (index: number): void => {
    const count = FACT_KINDS.length
    items.current[((index % count) + count) % count]?.focus()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const current = items.current.findIndex((item) => item === document.activeElement)
    switch (event.key) {
      case 'ArrowDown':
        focusAt(current + 1)
        break
      case 'ArrowUp':
        focusAt(current - 1)
        break
      case 'Home':
        focusAt(0)
        break
      case 'End':
        focusAt(FACT_KINDS.length - 1)
        break
      case 'Escape':
      case 'Tab':
        onClose()
        break
      default: {
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return
        const letter = event.key.toLowerCase()
        const order = FACT_KINDS.map((_, i) => (current + 1 + i) % FACT_KINDS.length)
        const next = order.find((i) => KIND_LABELS[FACT_KINDS[i]!].toLowerCase().startsWith(letter))
        if (next === undefined) return
        focusAt(next)
      }
    }
    event.preventDefault()
  }

  return (
    <div
      className="tag-fact-menu"
      style={style}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onDismiss()
      }}
      data-testid="tag-fact-menu"
    >
      <p id={`${ids}-label`} className="tag-fact-menu__label">
        Tag <q>{preview(request.text)}</q> as
      </p>
      <div role="menu" aria-labelledby={`${ids}-label`} aria-busy={pending} className="tag-fact-menu__items">
        {FACT_KINDS.map((kind, index) => (
          <button
            key={kind}
            ref={(element) => {
              items.current[index] = element
            }}
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="tag-fact-menu__item"
            data-kind={kind}
            aria-disabled={pending}
            onClick={() => {
              if (!pending) onChoose(kind)
            }}
          >
            <span className={`tag-fact-menu__kind fact-kind fact-kind--${kind}`}>{KIND_LABELS[kind]}</span>
            <span className="tag-fact-menu__hint">{KIND_HINTS[kind]}</span>
          </button>
        ))}
      </div>
      {pending && (
        <p className="tag-fact-menu__status" role="status">
          Tagging…
        </p>
      )}
      {problem && (
        <p className="field__error tag-fact-menu__status" role="alert">
          Not tagged: {problem}
        </p>
      )}
    </div>
  )
}
