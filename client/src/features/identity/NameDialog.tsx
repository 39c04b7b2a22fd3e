import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { MAX_DISPLAY_NAME_LENGTH, PRESENCE_COLORS } from '../../../../shared/protocol/index.ts'
import { displayNameProblem, normalizeDisplayName, type Identity } from './identity.ts'

/** Names read out for the presence colours (screen readers say these, not hex codes). */
const COLOR_NAMES: Record<string, string> = {
  '#c2410c': 'Orange',
  '#0369a1': 'Blue',
  '#15803d': 'Green',
  '#7e22ce': 'Purple',
  '#b91c1c': 'Red',
  '#0f766e': 'Teal',
  '#a16207': 'Amber',
  '#be185d': 'Pink',
}

interface NameDialogProps {
  /** The identity being changed, or null on a first visit. */
  current: Identity | null
  /** The colour preselected when there is no current identity. */
  suggestedColor: string
  onSave: (name: string, color: string) => void
  /** Called when the user cancels; absent when a name is required (first visit). */
  onCancel?: () => void
}

/**
 * The modal that asks for a display name (and lets the user pick a colour). A native <dialog>
 * opened with showModal(): focus moves into it, Tab stays inside, Enter saves, Escape cancels
 * unless a name is required.
 */
export function NameDialog({ current, suggestedColor, onSave, onCancel }: NameDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [name, setName] = useState(current?.name ?? '')
  const [color, setColor] = useState(current?.color ?? suggestedColor)
  const [problem, setProblem] = useState<string | null>(null)
  const ids = useId()
  const required = onCancel === undefined

  useEffect(() => {
    const dialog = dialogRef.current
    // No close() on cleanup: removing the element takes it out of the top layer, and a `close`
    // event fired during unmount would reopen a required dialog.
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  // Chromium lets a second Escape close a dialog even when `cancel` is prevented: reopen it.
  const onClose = (): void => {
    if (required) dialogRef.current?.showModal()
    else onCancel()
  }

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const normalized = normalizeDisplayName(name)
    const why = displayNameProblem(normalized)
    setProblem(why)
    if (why === null) onSave(normalized, color)
  }

  return (
    <dialog
      ref={dialogRef}
      className="name-dialog"
      data-testid="name-dialog"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-why`}
      onCancel={(event) => {
        if (required) event.preventDefault()
      }}
      onClose={onClose}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={`${ids}-title`}>{current ? 'Change your name' : 'Welcome to Galley'}</h2>
        <p id={`${ids}-why`} className="name-dialog__why">
          Your name and colour show colleagues where you are working. They are kept in this browser.
        </p>
        <div className="field">
          <label htmlFor={`${ids}-name`}>Display name</label>
          <input
            id={`${ids}-name`}
            data-testid="name-input"
            type="text"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={MAX_DISPLAY_NAME_LENGTH}
            autoComplete="name"
            autoFocus
            required
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${ids}-problem` : undefined}
          />
          {problem && (
            <p id={`${ids}-problem`} className="field__error" role="alert">
              {problem}
            </p>
          )}
        </div>
        <fieldset className="color-picker">
          <legend>Colour</legend>
          {PRESENCE_COLORS.map((option) => (
            <label key={option} className="color-picker__option" title={COLOR_NAMES[option] ?? option}>
              <input
                type="radio"
                name={`${ids}-color`}
                value={option}
                checked={color === option}
                onChange={() => setColor(option)}
              />
              <span className="color-picker__swatch" style={{ backgroundColor: option }} aria-hidden="true" />
              <span className="visually-hidden">{COLOR_NAMES[option] ?? option}</span>
            </label>
          ))}
        </fieldset>
        <div className="dialog-actions">
          {!required && (
            <button type="button" className="button button--quiet" onClick={() => dialogRef.current?.close()}>
              Cancel
            </button>
          )}
          <button type="submit" className="button button--primary" data-testid="name-submit">
            {current ? 'Save name' : 'Start editing'}
          </button>
        </div>
      </form>
    </dialog>
  )
}
