import { useState } from 'react'
import { ROLE_LABELS, type ArticleMember, type Role } from '../../../../shared/auth/index.ts'
import { toApiError } from '../../api/index.ts'
import { Modal } from '../../ui/index.ts'
import { AddMemberForm } from './AddMemberForm.tsx'
import { memberChangeProblem } from './memberErrors.ts'
import { MemberRow } from './MemberRow.tsx'
import { changeMemberRole, removeMember } from './membersApi.ts'
import { roleSummaries } from './roleSummary.ts'
import { useMembers } from './useMembers.ts'

interface ShareDialogProps {
  articleId: string
  /** The article's headline (or a stand-in), for the title. */
  articleTitle: string
  /** The signed-in user, to mark their own row. */
  currentUserId: string
  onClose: () => void
  /** Called after each change the server accepted, so lists elsewhere can refresh. */
  onChanged?: () => void
}

/**
 * Manage an article's members (for its owners and admins): the list with a role select and Remove per
 * member, and a form to add someone by email. Each change is sent at once; success is announced in a
 * status line, refusals (unknown email, the last owner) in an alert, and the list reloads either way.
 */
export function ShareDialog({ articleId, articleTitle, currentUserId, onClose, onChanged }: ShareDialogProps) {
  const [members, reload] = useMembers(articleId)
  const [pendingId, setPendingId] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)

  const change = async (member: ArticleMember, action: () => Promise<string>): Promise<void> => {
    setPendingId(member.userId)
    setProblem(null)
    setDone(null)
    try {
      setDone(await action())
      onChanged?.()
    } catch (err) {
      setProblem(memberChangeProblem(toApiError(err)))
    } finally {
      setPendingId(null)
      reload()
    }
  }

  const changeRole = (member: ArticleMember, role: Role): void =>
    void change(member, async () => {
      const updated = await changeMemberRole(articleId, member.userId, role)
      return `${updated.name} is now ${ROLE_LABELS[updated.role].toLowerCase()}.`
    })

  const remove = (member: ArticleMember): void =>
    void change(member, async () => {
      await removeMember(articleId, member.userId)
      return `${member.name} was removed from this article.`
    })

  return (
    <Modal
      title={`Share “${articleTitle}”`}
      description="Members can open this article; their role says what they may do in it."
      onClose={onClose}
      className="share-dialog"
      testId="share-dialog"
    >
      <details className="share-dialog__roles">
        <summary>What each role may do</summary>
        <ul>
          {roleSummaries().map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
      {members.status === 'loading' && <p role="status">Loading members…</p>}
      {members.status === 'failed' && (
        <div className="form-error" role="alert">
          Could not load the members: {members.error.message}{' '}
          <button type="button" className="button button--small" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {members.status === 'loaded' && (
        <table className="member-table">
          <caption className="visually-hidden">Members of this article and their roles</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Role</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.value.map((member) => (
              <MemberRow
                key={member.userId}
                member={member}
                isYou={member.userId === currentUserId}
                pending={pendingId === member.userId}
                onChangeRole={(role) => changeRole(member, role)}
                onRemove={() => remove(member)}
              />
            ))}
          </tbody>
        </table>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <p className="share-dialog__done" role="status">
        {done}
      </p>
      <AddMemberForm
        articleId={articleId}
        onAdded={() => {
          reload()
          onChanged?.()
        }}
      />
    </Modal>
  )
}
