import { useRef, useState } from 'react'
import { ROLE_LABELS, type ArticleMember, type Role } from '../../../../shared/auth/index.ts'
import { RoleSelect } from './RoleSelect.tsx'

interface MemberRowProps {
  member: ArticleMember
  /** True for the signed-in user's own row. */
  isYou: boolean
  /** True while a change to this member is on its way to the server. */
  pending: boolean
  onChangeRole: (role: Role) => void
  onRemove: () => void
}

/**
 * One member in the share dialog: name and email, a labelled role select, and Remove, which asks
 * to confirm in place (focus moves to the confirmation, and back when it is cancelled).
 */
export function MemberRow({ member, isYou, pending, onChangeRole, onRemove }: MemberRowProps) {
  const [confirming, setConfirming] = useState(false)
  const removeButton = useRef<HTMLButtonElement>(null)
  const who = isYou ? `yourself (${member.name})` : member.name

  return (
    <tr data-member={member.email}>
      <th scope="row" className="member-table__who">
        <span className="member-table__name">
          {member.name}
          {isYou && <span className="member-table__you"> (you)</span>}
        </span>
        <span className="member-table__email">{member.email}</span>
      </th>
      <td>
        <RoleSelect value={member.role} onChange={onChangeRole} label={`Role of ${member.name}`} disabled={pending} />
      </td>
      <td className="member-table__actions">
        {confirming ? (
          <span className="member-table__confirm" role="group" aria-label={`Remove ${member.name}?`}>
            <span className="visually-hidden">Remove {who} from this article?</span>
            <button
              type="button"
              className="button button--danger button--small"
              autoFocus
              disabled={pending}
              onClick={() => {
                setConfirming(false)
                onRemove()
              }}
            >
              Confirm removal
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => {
                setConfirming(false)
                requestAnimationFrame(() => removeButton.current?.focus())
              }}
            >
              Cancel
            </button>
          </span>
        ) : (
          <button
            ref={removeButton}
            type="button"
            className="button button--quiet button--small"
            aria-label={`Remove ${member.name} (${ROLE_LABELS[member.role]})`}
            disabled={pending}
            onClick={() => setConfirming(true)}
          >
            Remove
          </button>
        )}
      </td>
    </tr>
  )
}
