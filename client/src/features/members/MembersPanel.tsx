import { useId, useState } from 'react'
import { ROLE_LABELS } from '../../../../shared/auth/index.ts'
import { ShareDialog } from './ShareDialog.tsx'
import { useMembers } from './useMembers.ts'

interface MembersPanelProps {
  articleId: string
  articleTitle: string
  currentUserId: string
  /** True for the article's owners and for admins: shows "Share…", which opens the share dialog. */
  canManage: boolean
  /** Changes when the user's own role changes, so the list is fetched again. */
  refresh?: unknown
}

/** Who is a member of the article and in what role: a read-only list for everyone, with "Share…" for those who manage it. */
export function MembersPanel({ articleId, articleTitle, currentUserId, canManage, refresh }: MembersPanelProps) {
  const [members, reload] = useMembers(articleId, refresh)
  const [sharing, setSharing] = useState(false)
  const headingId = useId()

  return (
    <section className="members panel" aria-labelledby={headingId}>
      <div className="panel__heading">
        <h2 id={headingId} className="panel__title">
          Members
        </h2>
        {canManage && (
          <button type="button" className="button button--small" onClick={() => setSharing(true)} data-testid="share-button">
            Share…
          </button>
        )}
      </div>
      {members.status === 'loading' && <p className="members__message">Loading…</p>}
      {members.status === 'failed' && (
        <p className="members__message members__message--error">
          Could not load the members: {members.error.message}{' '}
          <button type="button" className="button button--quiet button--small" onClick={reload}>
            Try again
          </button>
        </p>
      )}
      {members.status === 'loaded' && (
        <ul className="members__list" data-testid="members">
          {members.value.map((member) => (
            <li key={member.userId} className="members__person">
              <span className="members__name" title={member.email}>
                {member.name}
                {member.userId === currentUserId && <span className="members__you"> (you)</span>}
              </span>
              <span className="members__role">{ROLE_LABELS[member.role]}</span>
            </li>
          ))}
        </ul>
      )}
      {sharing && (
        <ShareDialog
          articleId={articleId}
          articleTitle={articleTitle}
          currentUserId={currentUserId}
          onClose={() => setSharing(false)}
          onChanged={reload}
        />
      )}
    </section>
  )
}
