import { useId, useRef, useState, type FormEvent } from 'react'
import { MAX_EMAIL_LENGTH, ROLE_LABELS, type ArticleMember, type Role } from '../../../../shared/auth/index.ts'
import { toApiError } from '../../api/index.ts'
import { addMemberProblem } from './memberErrors.ts'
import { addMember } from './membersApi.ts'
import { RoleSelect } from './RoleSelect.tsx'

interface AddMemberFormProps {
  articleId: string
  /** Called after the server added the member. */
  onAdded: (member: ArticleMember) => void
}

/** Adds a member by email with a role; says who was added, or why not (unknown email, …), in text. */
export function AddMemberForm({ articleId, onAdded }: AddMemberFormProps) {
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<Role>('editor')
  const [pending, setPending] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const emailInput = useRef<HTMLInputElement>(null)
  const ids = useId()

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const address = email.trim()
    setDone(null)
    if (address === '' || !address.includes('@')) {
      setProblem('Enter the email address of a Galley account.')
      emailInput.current?.focus()
      return
    }
    setPending(true)
    setProblem(null)
    try {
      const member = await addMember(articleId, address, role)
      setEmail('')
      setDone(`${member.name} (${member.email}) is now ${ROLE_LABELS[member.role].toLowerCase()} of this article.`)
      onAdded(member)
    } catch (err) {
      setProblem(addMemberProblem(toApiError(err), address))
    } finally {
      setPending(false)
      emailInput.current?.focus()
    }
  }

  return (
    <form className="add-member" onSubmit={(event) => void submit(event)} aria-labelledby={`${ids}-title`} noValidate>
      <h3 id={`${ids}-title`} className="add-member__title">
        Add a member
      </h3>
      <div className="add-member__fields">
        <div className="field">
          <label htmlFor={`${ids}-email`}>Email</label>
          <input
            ref={emailInput}
            id={`${ids}-email`}
            type="email"
            value={email}
            onChange={(event) => {
              setEmail(event.target.value)
              setProblem(null)
            }}
            maxLength={MAX_EMAIL_LENGTH}
            autoComplete="off"
            spellCheck={false}
            data-autofocus=""
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${ids}-problem` : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-role`}>Role</label>
          <RoleSelect id={`${ids}-role`} value={role} onChange={setRole} />
        </div>
        <button type="submit" className="button button--primary add-member__submit" disabled={pending}>
          {pending ? 'Adding…' : 'Add'}
        </button>
      </div>
      {problem && (
        <p id={`${ids}-problem`} className="field__error" role="alert">
          {problem}
        </p>
      )}
      <p className="field__hint" role="status">
        {done}
      </p>
    </form>
  )
}
