import { useId, useState, type FormEvent } from 'react'
import {
  MAX_EMAIL_LENGTH,
  MAX_PASSWORD_LENGTH,
  MAX_USER_NAME_LENGTH,
  MIN_PASSWORD_LENGTH,
  type PublicUser,
} from '../../../../shared/auth/index.ts'
import { ErrorCode } from '../../../../shared/protocol/index.ts'
import { toApiError } from '../../api/index.ts'
import { createUser } from './adminApi.ts'

/** Creates an account directly (email, name, a first password, admin or not); says what happened in text. */
export function AddUserForm({ onCreated }: { onCreated: (user: PublicUser) => void }) {
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [isAdmin, setIsAdmin] = useState(false)
  const [pending, setPending] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const ids = useId()

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setDone(null)
    const trimmedEmail = email.trim()
    const trimmedName = name.replace(/\s+/g, ' ').trim()
    if (!trimmedEmail.includes('@')) return setProblem('Enter the person’s email address.')
    if (trimmedName === '') return setProblem('Enter the person’s name.')
    if (password.length < MIN_PASSWORD_LENGTH) {
      return setProblem(`The first password needs at least ${MIN_PASSWORD_LENGTH} characters.`)
    }
    setPending(true)
    setProblem(null)
    try {
      const user = await createUser({ email: trimmedEmail, name: trimmedName, password, isAdmin })
      setEmail('')
      setName('')
      setPassword('')
      setIsAdmin(false)
      setDone(`Created ${user.name} (${user.email})${user.isAdmin ? ' as an admin' : ''}. Give them their password in person.`)
      onCreated(user)
    } catch (err) {
      const error = toApiError(err)
      setProblem(
        error.code === ErrorCode.conflict ? `An account with ${trimmedEmail} already exists.` : `Could not create the user: ${error.message}`,
      )
    } finally {
      setPending(false)
    }
  }

  return (
    <form className="admin-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${ids}-title`} noValidate>
      <h3 id={`${ids}-title`} className="section-subtitle">
        Add a user
      </h3>
      <div className="admin-form__grid">
        <div className="field">
          <label htmlFor={`${ids}-email`}>Email</label>
          <input
            id={`${ids}-email`}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            maxLength={MAX_EMAIL_LENGTH}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-name`}>Name</label>
          <input
            id={`${ids}-name`}
            type="text"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={MAX_USER_NAME_LENGTH}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-password`}>First password</label>
          <input
            id={`${ids}-password`}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            minLength={MIN_PASSWORD_LENGTH}
            maxLength={MAX_PASSWORD_LENGTH}
            autoComplete="new-password"
            aria-describedby={`${ids}-password-hint`}
          />
          <p id={`${ids}-password-hint`} className="field__hint">
            At least {MIN_PASSWORD_LENGTH} characters.
          </p>
        </div>
      </div>
      <div className="checkbox-field">
        <input id={`${ids}-admin`} type="checkbox" checked={isAdmin} onChange={(e) => setIsAdmin(e.target.checked)} />
        <label htmlFor={`${ids}-admin`}>Admin (manages users, invitations and every article’s members)</label>
      </div>
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? 'Adding…' : 'Add user'}
      </button>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <p className="field__hint" role="status">
        {done}
      </p>
    </form>
  )
}
