import { useId, useState, type FormEvent } from 'react'
import { MAX_EMAIL_LENGTH, type NewInvitation } from '../../../../shared/auth/index.ts'
import { ErrorCode } from '../../../../shared/protocol/index.ts'
import { toApiError } from '../../api/index.ts'
import { CopyButton, formatLocalTime } from '../../ui/index.ts'
import { createInvitation } from './adminApi.ts'

/** Invites someone by email; shows the sign-up link (this once) with a Copy button, to send them yourself. */
export function InvitationForm({ onCreated }: { onCreated?: (invitation: NewInvitation) => void }) {
  const [email, setEmail] = useState('')
  const [isAdmin, setIsAdmin] = useState(false)
  const [pending, setPending] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [invitation, setInvitation] = useState<NewInvitation | null>(null)
  const ids = useId()

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const address = email.trim()
    if (!address.includes('@')) return setProblem('Enter the email address to invite.')
    setPending(true)
    setProblem(null)
    setInvitation(null)
    try {
      const created = await createInvitation(address, isAdmin)
      setInvitation(created)
      setEmail('')
      setIsAdmin(false)
      onCreated?.(created)
    } catch (err) {
      const error = toApiError(err)
      setProblem(
        error.code === ErrorCode.conflict ? `An account with ${address} already exists.` : `Could not create the invitation: ${error.message}`,
      )
    } finally {
      setPending(false)
    }
  }

  const link = invitation ? new URL(invitation.path, window.location.origin).href : ''

  return (
    <form className="admin-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${ids}-title`} noValidate>
      <h3 id={`${ids}-title`} className="section-subtitle">
        Invite someone
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
      </div>
      <div className="checkbox-field">
        <input id={`${ids}-admin`} type="checkbox" checked={isAdmin} onChange={(e) => setIsAdmin(e.target.checked)} />
        <label htmlFor={`${ids}-admin`}>Make them an admin</label>
      </div>
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? 'Creating…' : 'Create invitation'}
      </button>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div role="status">
        {invitation && (
          <div className="invitation-link" data-testid="invitation-link">
            <p>
              Invitation for {invitation.email}, valid until {formatLocalTime(invitation.expiresAt)}. Send them this link; it is shown only now.
            </p>
            <label htmlFor={`${ids}-link`}>Sign-up link</label>
            <div className="token-secret__row">
              <input id={`${ids}-link`} type="text" value={link} readOnly spellCheck={false} onFocus={(e) => e.target.select()} />
              <CopyButton text={link} label="Copy the sign-up link" fieldId={`${ids}-link`} />
            </div>
          </div>
        )}
      </div>
    </form>
  )
}
