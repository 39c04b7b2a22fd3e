import { useId, useState } from 'react'
import type * as Y from 'yjs'
import type { Role } from '../../../../shared/auth/roles.ts'
import { STATUS_LABELS, type ArticleStatus } from '../../../../shared/article/workflow.ts'
import { toApiError } from '../../api/index.ts'
import { StatusBadge } from './StatusBadge.tsx'
import { StatusHistory } from './StatusHistory.tsx'
import { statusMoves, whoMayMove } from './statusMoves.ts'
import { useWorkflow } from './useWorkflow.ts'
import { MAX_STATUS_NOTE_CHARS, moveStatus } from './workflowApi.ts'

interface StatusControlProps {
  articleId: string
  doc: Y.Doc
  /** The user's role on the article (null while unknown): decides which moves are offered. */
  role: Role | null
}

type Outcome = { kind: 'idle' } | { kind: 'pending'; to: ArticleStatus } | { kind: 'done'; to: ArticleStatus } | { kind: 'failed'; message: string }

/**
 * The article's workflow status, live from the document: a badge, the moves the user's role may make
 * from here (with an optional note for the history), and the history of changes. The server checks
 * every move; a refusal is shown in words.
 */
export function StatusControl({ articleId, doc, role }: StatusControlProps) {
  const { status, changes } = useWorkflow(doc)
  const [note, setNote] = useState('')
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' })
  const ids = useId()
  const moves = statusMoves(status, role).filter((m) => m.allowed)
  const others = whoMayMove(status, role)
  const pending = outcome.kind === 'pending'

  const move = (to: ArticleStatus) => {
    setOutcome({ kind: 'pending', to })
    moveStatus(articleId, to, note).then(
      () => {
        setNote('')
        setOutcome({ kind: 'done', to })
      },
      (err: unknown) => setOutcome({ kind: 'failed', message: toApiError(err).message }),
    )
  }

  return (
    <section className="panel workflow" aria-labelledby={`${ids}-title`} data-testid="workflow">
      <div className="panel__heading">
        <h2 id={`${ids}-title`} className="panel__title">
          Status
        </h2>
        <p className="workflow__current" aria-live="polite" data-testid="article-status">
          <span className="visually-hidden">Status: </span>
          <StatusBadge status={status} />
        </p>
      </div>
      {moves.length > 0 && (
        <div className="workflow__moves" role="group" aria-labelledby={`${ids}-moves`}>
          <p id={`${ids}-moves`} className="visually-hidden">
            Move the article
          </p>
          <div className="field">
            <label htmlFor={`${ids}-note`}>Note for the history (optional)</label>
            <textarea id={`${ids}-note`} rows={2} maxLength={MAX_STATUS_NOTE_CHARS} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="workflow__buttons">
            {moves.map((m) => (
              <button key={m.to} type="button" className="button button--small" disabled={pending} onClick={() => move(m.to)}>
                {m.label}
              </button>
            ))}
          </div>
        </div>
      )}
      {others && moves.length === 0 && role !== null && (
        <p className="workflow__hint">Only {others} can move the article on from {STATUS_LABELS[status]}.</p>
      )}
      {status === 'ready' && moves.length > 0 && <p className="workflow__hint">Publishing moves it on from here.</p>}
      <p className="workflow__outcome" role="status">
        {outcome.kind === 'pending' && `Moving to ${STATUS_LABELS[outcome.to]}…`}
        {outcome.kind === 'done' && outcome.to === status && `Moved to ${STATUS_LABELS[outcome.to]}.`}
      </p>
      {outcome.kind === 'failed' && (
        <p className="form-error" role="alert">
          The status did not change: {outcome.message}
        </p>
      )}
      <h3 className="workflow__subtitle">History</h3>
      <StatusHistory changes={changes} />
    </section>
  )
}
