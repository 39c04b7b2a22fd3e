import { useId, useState, type FormEvent } from 'react'
import { MAX_TOKEN_NAME_LENGTH, type NewApiToken } from '../../../../shared/auth/index.ts'
import { toApiError } from '../../api/index.ts'
import { createToken } from './tokensApi.ts'

/** Default and bounds offered for a token's lifetime, in days (the server has the last word). */
const DEFAULT_EXPIRY_DAYS = 90
const MAX_EXPIRY_DAYS = 365

/** Creates an API token from a name and a lifetime in days; hands the new token (with its secret) to `onCreated`. */
export function NewTokenForm({ onCreated }: { onCreated: (token: NewApiToken) => void }) {
  const [name, setName] = useState('')
  const [days, setDays] = useState(String(DEFAULT_EXPIRY_DAYS))
  const [pending, setPending] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const ids = useId()

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const trimmed = name.trim()
    const expiresInDays = Number(days)
    if (trimmed === '') {
      setProblem('Give the token a name that says where it is used, e.g. “CI publishing”.')
      return
    }
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > MAX_EXPIRY_DAYS) {
      setProblem(`Choose a lifetime of 1 to ${MAX_EXPIRY_DAYS} days.`)
      return
    }
    setPending(true)
    setProblem(null)
    try {
      const token = await createToken(trimmed, expiresInDays)
      setName('')
      onCreated(token)
    } catch (err) {
      setProblem(`Could not create the token: ${toApiError(err).message}`)
    } finally {
      setPending(false)
    }
  }

  return (
    <form className="new-token" onSubmit={(event) => void submit(event)} aria-labelledby={`${ids}-title`} noValidate>
      <h3 id={`${ids}-title`} className="section-subtitle">
        Create a token
      </h3>
      <div className="new-token__fields">
        <div className="field">
          <label htmlFor={`${ids}-name`}>Name</label>
          <input
            id={`${ids}-name`}
            type="text"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={MAX_TOKEN_NAME_LENGTH}
            autoComplete="off"
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${ids}-problem` : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-days`}>Expires after (days)</label>
          <input
            id={`${ids}-days`}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_EXPIRY_DAYS}
            step={1}
            value={days}
            onChange={(event) => setDays(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Creating…' : 'Create token'}
        </button>
      </div>
      {problem && (
        <p id={`${ids}-problem`} className="form-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  )
}
