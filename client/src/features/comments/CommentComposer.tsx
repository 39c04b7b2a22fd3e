import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { MAX_MESSAGE_CHARS } from '../../../../shared/article/index.ts'
import { shortcutLabel } from '../../editor/index.ts'
import { completeMention, matchingNames, mentionQueryAt, type MentionQuery } from './mentions.ts'

interface CommentComposerProps {
  /** The text box's accessible name ("Comment", "Reply", "Edit your message"). */
  label: string
  /** The send button's text ("Comment", "Reply", "Save"). */
  submitLabel: string
  initialBody?: string
  /** The article's members' names, offered after `@`. */
  memberNames: readonly string[]
  /**
   * Called with the body when the user sends it (not empty, not too long). Return true when it was
   * taken: the box then empties (or the parent closes it); false keeps the text.
   */
  onSubmit: (body: string) => boolean
  /** Shows a Cancel button; Escape calls it too. */
  onCancel?: () => void
  autoFocus?: boolean
  placeholder?: string
  /** A testid for the form. */
  testId?: string
}

/** Sends with Ctrl+Enter (⌘↩ on a Mac); Enter alone is a new line, as in a chat box that takes paragraphs. */
const SEND_SHORTCUT = 'Mod-Enter'

/**
 * A box to write a comment, a reply or an edit, with @mention completion from the article's members
 * (a combobox: ↑/↓ choose, Enter or Tab take, Escape closes the list). Mentions are plain text
 * `@Name`. Ctrl+Enter sends; Escape cancels.
 */
export function CommentComposer({ label, submitLabel, initialBody = '', memberNames, onSubmit, onCancel, autoFocus, placeholder, testId }: CommentComposerProps) {
  const [body, setBody] = useState(initialBody)
  const [caret, setCaret] = useState(initialBody.length)
  const [dismissedAt, setDismissedAt] = useState<number | null>(null)
  const [choice, setChoice] = useState(0)
  const [problem, setProblem] = useState<string | null>(null)
  const textarea = useRef<HTMLTextAreaElement>(null)
  const nextCaret = useRef<number | null>(null)
  const ids = useId()

  const query: MentionQuery | null = mentionQueryAt(body, Math.min(caret, body.length))
  const options = query && query.start !== dismissedAt ? matchingNames(query.query, memberNames) : []
  const open = options.length > 0
  const chosen = Math.min(choice, options.length - 1)
  const tooLong = body.length > MAX_MESSAGE_CHARS

  useLayoutEffect(() => {
    if (nextCaret.current === null || !textarea.current) return
    textarea.current.setSelectionRange(nextCaret.current, nextCaret.current)
    nextCaret.current = null
  })

  const readCaret = (): void => setCaret(textarea.current?.selectionStart ?? body.length)

  const pick = (name: string): void => {
    if (!query) return
    const done = completeMention(body, query, caret, name)
    setBody(done.text)
    setCaret(done.caret)
    nextCaret.current = done.caret
    setChoice(0)
    textarea.current?.focus()
  }

  const submit = (event?: FormEvent): void => {
    event?.preventDefault()
    if (body.trim() === '') {
      setProblem('Write something first.')
      return
    }
    if (tooLong) {
      setProblem(`A message holds at most ${MAX_MESSAGE_CHARS.toLocaleString()} characters.`)
      return
    }
    if (onSubmit(body)) {
      setBody('')
      setCaret(0)
      setProblem(null)
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.nativeEvent.isComposing) return
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        const step = event.key === 'ArrowDown' ? 1 : -1
        setChoice((chosen + step + options.length) % options.length)
        return
      }
      if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
        event.preventDefault()
        pick(options[chosen]!)
        return
      }
      if (event.key === 'Escape') {
        event.preventDefault()
        event.stopPropagation()
        setDismissedAt(query?.start ?? null)
        return
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      submit()
      return
    }
    if (event.key === 'Escape' && onCancel) {
      event.preventDefault()
      event.stopPropagation()
      onCancel()
    }
  }

  const listId = `${ids}-mentions`
  return (
    <form className="comment-composer" onSubmit={submit} noValidate data-testid={testId}>
      <div className="comment-composer__box">
        <textarea
          ref={textarea}
          className="comment-composer__input"
          aria-label={label}
          placeholder={placeholder}
          value={body}
          rows={2}
          autoFocus={autoFocus}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open ? `${listId}-${chosen}` : undefined}
          aria-invalid={problem !== null || tooLong}
          aria-describedby={`${ids}-hint${problem ? ` ${ids}-problem` : ''}`}
          onChange={(event) => {
            setBody(event.target.value)
            setCaret(event.target.selectionStart)
            setChoice(0)
            setProblem(null)
          }}
          onSelect={readCaret}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label="Members to mention" className="comment-composer__mentions" hidden={!open}>
          {options.map((name, index) => (
            <li
              key={name}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === chosen}
              className={`comment-composer__mention${index === chosen ? ' comment-composer__mention--chosen' : ''}`}
              // Keep the focus (and the caret) in the text box.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(name)}
            >
              @{name}
            </li>
          ))}
        </ul>
      </div>
      <p id={`${ids}-hint`} className="visually-hidden">
        Type @ to mention a member. {shortcutLabel(SEND_SHORTCUT)} sends.
      </p>
      {(problem || tooLong) && (
        <p id={`${ids}-problem`} className="field__error comment-composer__problem" role="alert">
          {problem ?? `${body.length.toLocaleString()} of at most ${MAX_MESSAGE_CHARS.toLocaleString()} characters.`}
        </p>
      )}
      <div className="comment-composer__actions">
        <button type="submit" className="button button--primary button--small" disabled={body.trim() === ''} title={`${submitLabel} (${shortcutLabel(SEND_SHORTCUT)})`}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--quiet button--small" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  )
}
