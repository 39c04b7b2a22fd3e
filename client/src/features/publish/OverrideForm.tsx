import { useId, useState, type FormEvent } from 'react'
import { MAX_OVERRIDE_REASON_CHARS } from '../../../../shared/article/publish/publishGate.ts'

interface OverrideFormProps {
  /** The gate item's label, to say what is being overridden. */
  label: string
  onOverride: (reason: string) => void
  onCancel: () => void
}

/** Asks for the reason to publish past one failing check; Escape or Cancel closes it without change. */
export function OverrideForm({ label, onOverride, onCancel }: OverrideFormProps) {
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState('')
  const id = useId()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (reason.trim() === '') {
      setProblem('Give a reason: it is recorded with the publication.')
      return
    }
    onOverride(reason)
  }

  return (
    <form className="gate-override" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onCancel())}>
      <div className="field">
        <label htmlFor={id}>Reason to publish anyway</label>
        <textarea
          id={id}
          rows={2}
          autoFocus
          maxLength={MAX_OVERRIDE_REASON_CHARS}
          value={reason}
          aria-describedby={`${id}-what${problem ? ` ${id}-problem` : ''}`}
          aria-invalid={problem !== ''}
          onChange={(e) => {
            setReason(e.target.value)
            setProblem('')
          }}
        />
        <p id={`${id}-what`} className="field__hint">
          Overrides “{label}”; recorded in the status history.
        </p>
        {problem && (
          <p id={`${id}-problem`} className="field__error" role="alert">
            {problem}
          </p>
        )}
      </div>
      <div className="gate-override__buttons">
        <button type="submit" className="button button--small">
          Override
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
