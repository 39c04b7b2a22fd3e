import { useRef, useState } from 'react'
import { RelativeTime } from '../../ui/index.ts'
import { CommentComposer } from './CommentComposer.tsx'
import { commentProblem } from './commentProblem.ts'
import { MentionText } from './MentionText.tsx'
import type { MessageView } from './threadsModel.ts'

interface ThreadMessageItemProps {
  message: MessageView
  /** True when this is the thread's first message (the comment itself, not a reply). */
  first: boolean
  /** True when the signed-in user may edit and delete it (their own, stored). */
  canChange: boolean
  memberNames: readonly string[]
  onEdit: (body: string) => void
  onDelete: () => void
  onRetry: () => void
  onDiscard: () => void
}

/**
 * One message of a thread: who, when, the text with mentions; "Sending…" or the reason it failed
 * (with Try again and Discard) until the server has it; Edit and Delete for its author, Delete
 * asking to confirm in place. A deleted message keeps its place, saying so.
 */
export function ThreadMessageItem({ message, first, canChange, memberNames, onEdit, onDelete, onRetry, onDiscard }: ThreadMessageItemProps) {
  const [editing, setEditing] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const actions = useRef<HTMLButtonElement>(null)
  const what = first ? 'comment' : 'reply'
  const deleted = message.deletedAt !== null
  const backToActions = (): void => {
    requestAnimationFrame(() => actions.current?.focus())
  }

  return (
    <li className={`comment-message comment-message--${message.delivery}`} data-message-id={message.delivery === 'stored' ? message.id : undefined}>
      <div className="comment-message__meta">
        <span className="comment-message__author">{message.author.name || 'Unknown'}</span>
        {message.delivery === 'stored' && (
          <span className="comment-message__time">
            <RelativeTime iso={message.createdAt} />
          </span>
        )}
        {message.editedAt !== null && !deleted && <span className="comment-message__edited">(edited)</span>}
        {(message.delivery === 'sending' || message.changing) && (
          <span className="comment-message__sending" role="status">
            Sending…
          </span>
        )}
      </div>
      {editing ? (
        <CommentComposer
          label={`Edit your ${what}`}
          submitLabel="Save"
          initialBody={message.body}
          memberNames={memberNames}
          autoFocus
          onSubmit={(body) => {
            setEditing(false)
            if (body !== message.body) onEdit(body)
            backToActions()
            return true
          }}
          onCancel={() => {
            setEditing(false)
            backToActions()
          }}
        />
      ) : deleted ? (
        <p className="comment-message__body comment-message__body--deleted">This {what} was deleted.</p>
      ) : (
        <p className="comment-message__body">
          <MentionText body={message.body} names={memberNames} />
        </p>
      )}
      {message.delivery === 'failed' && (
        <div className="comment-message__failed" role="alert">
          <p className="field__error">Not sent: {commentProblem(message.error)}</p>
          <button type="button" className="button button--small" onClick={onRetry}>
            Try again
          </button>
          <button type="button" className="button button--quiet button--small" onClick={onDiscard}>
            Discard
          </button>
        </div>
      )}
      {canChange && !editing && !deleted && message.delivery === 'stored' && (
        <div className="comment-message__actions">
          {confirming ? (
            <span className="comment-message__confirm" role="group" aria-label={`Delete this ${what}?`}>
              <span className="comment-message__question">Delete this {what}?</span>
              <button
                type="button"
                className="button button--danger button--small"
                autoFocus
                onClick={() => {
                  setConfirming(false)
                  onDelete()
                }}
              >
                Delete
              </button>
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => {
                  setConfirming(false)
                  backToActions()
                }}
              >
                Cancel
              </button>
            </span>
          ) : (
            <>
              <button ref={actions} type="button" className="button button--quiet button--small" onClick={() => setEditing(true)} aria-label={`Edit your ${what}`}>
                Edit
              </button>
              <button type="button" className="button button--quiet button--small" onClick={() => setConfirming(true)} aria-label={`Delete your ${what}`}>
                Delete
              </button>
            </>
          )}
        </div>
      )}
    </li>
  )
}
