import { memo, type KeyboardEvent, type Ref } from 'react'
import type { Role } from '../../../../shared/auth/index.ts'
import { CommentComposer } from './CommentComposer.tsx'
import { commentProblem } from './commentProblem.ts'
import { canChangeMessage, canComment, canResolve } from './threadRules.ts'
import type { ThreadViewer } from './threadPresence.ts'
import { ThreadMessageItem } from './ThreadMessageItem.tsx'
import type { ThreadsModel, ThreadView } from './threadsModel.ts'

interface ThreadCardProps {
  ref?: Ref<HTMLElement>
  thread: ThreadView
  model: ThreadsModel
  role: Role | null
  userId: string
  memberNames: readonly string[]
  active: boolean
  /** Colleagues looking at this thread now. */
  viewers: readonly ThreadViewer[]
  /** Called with the thread's id when the card gets focus or a click: it becomes the active thread. */
  onActivate: (threadId: string) => void
  /** Called with the thread's id on Escape: back to the anchored text. */
  onLeave: (threadId: string) => void
  /** Where the card stands in the aligned margin (px from its top); null in a plain list. */
  top: number | null
  /** False until the aligned margin has measured the card: it is laid out but not shown. */
  placed: boolean
}

/** At most this many characters of an orphan's quote are shown. */
const QUOTE_CHARS = 280

/**
 * One comment thread in the margin: its messages, who else is looking at it, Resolve/Reopen for
 * those allowed, a reply box while it is active (as in Google Docs, a click or the focus opens it),
 * and what went wrong if a change was refused.
 * Focusing or clicking it makes it the active thread (its text is highlighted more strongly);
 * Escape goes back to the text. Memoized: typing in the story re-renders no card whose thread,
 * place and state are unchanged (give it stable callbacks and ref).
 */
export const ThreadCard = memo(function ThreadCard({ ref, thread, model, role, userId, memberNames, active, viewers, onActivate, onLeave, top, placed }: ThreadCardProps) {
  const stored = thread.delivery === 'stored'
  const resolvable = stored && canResolve(role, userId, thread)
  const first = thread.messages[0]
  const resolved = thread.state === 'resolved'
  const author = thread.author.name || 'Unknown'
  const quote = thread.quote.length > QUOTE_CHARS ? `${thread.quote.slice(0, QUOTE_CHARS)}…` : thread.quote

  const activate = (): void => onActivate(thread.id)
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault()
      onLeave(thread.id)
    }
  }

  return (
    <article
      ref={ref}
      className={[
        'comment-thread',
        active && 'comment-thread--active',
        resolved && 'comment-thread--resolved',
        !thread.anchored && 'comment-thread--orphan',
        thread.delivery !== 'stored' && `comment-thread--${thread.delivery}`,
        resolvable && 'comment-thread--resolvable',
      ]
        .filter(Boolean)
        .join(' ')}
      style={top === null ? undefined : { position: 'absolute', top: `${top}px`, visibility: placed ? undefined : 'hidden' }}
      tabIndex={0}
      aria-label={`Comment by ${author} on “${quote}”${resolved ? ', resolved' : ''}`}
      aria-current={active ? 'true' : undefined}
      data-thread-id={thread.id}
      data-testid="comment-thread"
      onFocus={activate}
      onClick={activate}
      onKeyDown={onKeyDown}
    >
      <div className="comment-thread__top">
        {viewers.length > 0 && (
          <ul className="comment-thread__viewers" aria-label="Also looking at this thread">
            {viewers.map((viewer) => (
              <li key={viewer.clientId} className="comment-thread__viewer" title={`${viewer.name} is looking at this thread`}>
                <span className="comment-thread__viewer-dot" style={{ backgroundColor: viewer.color }} aria-hidden="true" />
                <span className="comment-thread__viewer-name">{viewer.name}</span>
              </li>
            ))}
          </ul>
        )}
        {resolved && (
          <p className="comment-thread__state">
            Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ''}
            {thread.changingState && ' (sending…)'}
          </p>
        )}
      </div>
      {resolvable && (
        <button
          type="button"
          className="button button--small comment-thread__resolve"
          disabled={thread.changingState}
          onClick={(event) => {
            event.stopPropagation()
            model.setState(thread.id, resolved ? 'open' : 'resolved')
          }}
        >
          {resolved ? 'Reopen' : 'Resolve'}
        </button>
      )}
      {!thread.anchored && (
        <div className="comment-thread__orphan">
          <p className="comment-thread__orphan-note">The text it was on was deleted:</p>
          <blockquote className="comment-thread__quote">{quote}</blockquote>
        </div>
      )}
      <ol className="comment-thread__messages">
        {thread.messages.map((message) => (
          <ThreadMessageItem
            key={message.id}
            message={message}
            first={message === first}
            canChange={canChangeMessage(role, userId, message)}
            memberNames={memberNames}
            onEdit={(body) => model.edit(thread.id, message.id, body)}
            onDelete={() => model.remove(thread.id, message.id)}
            onRetry={() => message.opId && model.retry(message.opId)}
            onDiscard={() => message.opId && model.discard(message.opId)}
          />
        ))}
      </ol>
      {thread.problems.map((problem) => (
        <div key={problem.opId} className="comment-thread__problem" role="alert">
          <p className="field__error">
            {problem.action} failed: {commentProblem(problem.error)}
          </p>
          <button type="button" className="button button--quiet button--small" onClick={() => model.discard(problem.opId)}>
            Dismiss
          </button>
        </div>
      ))}
      {stored && canComment(role) && active && (
        <CommentComposer
          key={thread.id}
          label={`Reply to ${author}`}
          submitLabel="Reply"
          placeholder="Reply, or @mention someone"
          memberNames={memberNames}
          testId="comment-reply"
          onSubmit={(body) => {
            model.reply(thread.id, body)
            return true
          }}
        />
      )}
    </article>
  )
})
