import { useState } from 'react'
import { STATUS_LABELS, type StatusChange } from '../../../../shared/article/workflow.ts'
import { RelativeTime } from '../../ui/index.ts'

/** How many changes the history shows before "Show all". */
const SHOWN = 5

/**
 * The article's status changes, newest first: from → to, who, when, the note, and the version a
 * publication made. Notes are the users' own text, rendered as text (line breaks kept by CSS).
 */
export function StatusHistory({ changes }: { changes: readonly StatusChange[] }) {
  const [all, setAll] = useState(false)
  if (changes.length === 0) return <p className="workflow__empty">No status changes yet.</p>
  const newestFirst = [...changes].reverse()
  const shown = all ? newestFirst : newestFirst.slice(0, SHOWN)
  return (
    <>
      <ol className="workflow__history" data-testid="status-history" aria-label="Status changes, newest first">
        {shown.map((change, i) => (
          <li key={`${change.at}-${i}`} className="workflow__change">
            <span className="workflow__move">
              {change.version !== null ? (
                <>
                  {STATUS_LABELS[change.to]}: version {change.version}
                </>
              ) : (
                <>
                  {STATUS_LABELS[change.from]} <span aria-label="to">→</span> {STATUS_LABELS[change.to]}
                </>
              )}
            </span>
            <span className="workflow__who">
              {change.by.name}, <RelativeTime iso={change.at} />
            </span>
            {change.note && <span className="workflow__note">{change.note}</span>}
          </li>
        ))}
      </ol>
      {newestFirst.length > SHOWN && (
        <button type="button" className="button button--quiet button--small" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${newestFirst.length} changes`}
        </button>
      )}
    </>
  )
}
