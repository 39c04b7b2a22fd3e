import { useId, type FormEvent } from 'react'
import { MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH } from '../../../../shared/auth/index.ts'

interface SignInFormProps {
  email: string
  password: string
  onEmail: (email: string) => void
  onPassword: (password: string) => void
  onSubmit: () => void
  pending: boolean
  /** Why the last attempt failed, shown as an alert. */
  problem: string | null
}

/** Email and password with labels and the autocomplete hints password managers need; the problem in an alert. */
export function SignInForm({ email, password, onEmail, onPassword, onSubmit, pending, problem }: SignInFormProps) {
  const ids = useId()
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    onSubmit()
  }
  return (
    <form className="sign-in-form" onSubmit={submit} aria-labelledby={`${ids}-title`} data-testid="sign-in-form">
      <h1 id={`${ids}-title`} className="auth-card__title">
        Sign in to Galley
      </h1>
      <div className="field">
        <label htmlFor={`${ids}-email`}>Email</label>
        <input
          id={`${ids}-email`}
          name="email"
          type="email"
          value={email}
          onChange={(event) => onEmail(event.target.value)}
          autoComplete="username"
          spellCheck={false}
          maxLength={MAX_EMAIL_LENGTH}
          required
          autoFocus
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${ids}-problem` : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-password`}>Password</label>
        <input
          id={`${ids}-password`}
          name="password"
          type="password"
          value={password}
          onChange={(event) => onPassword(event.target.value)}
          autoComplete="current-password"
          maxLength={MAX_PASSWORD_LENGTH}
          required
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${ids}-problem` : undefined}
        />
      </div>
      {problem && (
        <p id={`${ids}-problem`} className="form-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="button button--primary auth-card__submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  )
}
