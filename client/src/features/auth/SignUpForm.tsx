import { useId, useState, type FormEvent } from 'react'
import { MAX_PASSWORD_LENGTH, MAX_USER_NAME_LENGTH, MIN_PASSWORD_LENGTH } from '../../../../shared/auth/index.ts'
import { ErrorCode } from '../../../../shared/protocol/index.ts'
import { toApiError, type ApiError } from '../../api/index.ts'

interface SignUpFormProps {
  /** The invited address: shown, not editable (the invitation is for it). */
  email: string
  /** Creates the account; rejects with the server's ApiError. */
  onSubmit: (name: string, password: string) => Promise<void>
}

/** Why a sign-up was refused, in words. */
function signUpProblem(error: ApiError): string {
  switch (error.code) {
    case ErrorCode.notFound:
      return 'This invitation is no longer valid (used or expired). Ask an admin for a new one.'
    case ErrorCode.conflict:
      return 'An account with this email already exists. Sign in instead.'
    case ErrorCode.rateLimited:
      return 'Too many attempts. Wait a minute and try again.'
    default:
      return `Could not create the account: ${error.message}`
  }
}

/** Name and a new password (at least MIN_PASSWORD_LENGTH characters) for an invited email; problems in alerts. */
export function SignUpForm({ email, onSubmit }: SignUpFormProps) {
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [problems, setProblems] = useState<{ name?: string; password?: string; form?: string }>({})
  const [pending, setPending] = useState(false)
  const ids = useId()

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const trimmed = name.replace(/\s+/g, ' ').trim()
    const found: typeof problems = {}
    if (trimmed === '') found.name = 'Enter the name your colleagues know you by.'
    if (password.length < MIN_PASSWORD_LENGTH) found.password = `Use at least ${MIN_PASSWORD_LENGTH} characters.`
    setProblems(found)
    if (found.name || found.password) {
      document.getElementById(found.name ? `${ids}-name` : `${ids}-password`)?.focus()
      return
    }
    setPending(true)
    try {
      await onSubmit(trimmed, password)
    } catch (err) {
      setProblems({ form: signUpProblem(toApiError(err)) })
      setPending(false)
    }
  }

  return (
    <form className="sign-up-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${ids}-title`} noValidate>
      <h1 id={`${ids}-title`} className="auth-card__title">
        Create your Galley account
      </h1>
      <div className="field">
        <label htmlFor={`${ids}-email`}>Email</label>
        <input id={`${ids}-email`} name="email" type="email" value={email} readOnly autoComplete="username" aria-describedby={`${ids}-email-hint`} />
        <p id={`${ids}-email-hint`} className="field__hint">
          The address you were invited with.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-name`}>Name</label>
        <input
          id={`${ids}-name`}
          name="name"
          type="text"
          value={name}
          onChange={(event) => setName(event.target.value)}
          autoComplete="name"
          maxLength={MAX_USER_NAME_LENGTH}
          required
          autoFocus
          aria-invalid={problems.name !== undefined}
          aria-describedby={problems.name ? `${ids}-name-problem` : undefined}
        />
        {problems.name && (
          <p id={`${ids}-name-problem`} className="field__error" role="alert">
            {problems.name}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-password`}>Password</label>
        <input
          id={`${ids}-password`}
          name="password"
          type="password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          maxLength={MAX_PASSWORD_LENGTH}
          required
          aria-invalid={problems.password !== undefined}
          aria-describedby={`${ids}-password-hint${problems.password ? ` ${ids}-password-problem` : ''}`}
        />
        <p id={`${ids}-password-hint`} className="field__hint">
          At least {MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.
        </p>
        {problems.password && (
          <p id={`${ids}-password-problem`} className="field__error" role="alert">
            {problems.password}
          </p>
        )}
      </div>
      {problems.form && (
        <p className="form-error" role="alert">
          {problems.form}
        </p>
      )}
      <button type="submit" className="button button--primary auth-card__submit" disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  )
}
