import { Link } from 'react-router'
import type { PublicUser } from '../../../../shared/auth/index.ts'
import { formatLocalTime } from '../../ui/index.ts'
import { AUDIT_EVENT_LABELS, REFUSAL_EVENTS, auditDetailPairs } from './auditWords.ts'
import { useAuditLog } from './useAuditLog.ts'

/**
 * The audit log, newest first: time, event, actor (by name when the account is known), article and
 * detail, a page at a time with "Load older entries", reloaded after this page's own actions.
 * Loading and failures are said in text.
 */
export function AuditLog({ users, refresh }: { users: PublicUser[]; /** Changes after an action here that the log records. */ refresh?: unknown }) {
  const { log, loadOlder, reload } = useAuditLog(refresh)
  const names = new Map(users.map((user) => [user.id, user]))

  return (
    <>
      <div className="section-actions">
        <button type="button" className="button button--small" onClick={reload} disabled={log.loading}>
          Refresh
        </button>
      </div>
      {log.entries.length === 0 && !log.loading && !log.error && <p className="field__hint">No entries yet.</p>}
      {log.entries.length > 0 && (
        <div className="table-scroll">
          <table className="data-table audit-table" data-testid="audit-log">
            <caption className="visually-hidden">Audit log, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Event</th>
                <th scope="col">Actor</th>
                <th scope="col">Article</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {log.entries.map((entry) => {
                const actor = entry.actorId ? names.get(entry.actorId) : undefined
                return (
                  <tr key={entry.id} className={REFUSAL_EVENTS.has(entry.type) ? 'audit-table__refusal' : undefined}>
                    <td className="audit-table__time">
                      <time dateTime={entry.at}>{formatLocalTime(entry.at) || entry.at}</time>
                    </td>
                    <td>{AUDIT_EVENT_LABELS[entry.type]}</td>
                    <td>{actor ? <span title={actor.email}>{actor.name}</span> : (entry.actorId ?? '—')}</td>
                    <td>{entry.articleId ? <Link to={`/a/${encodeURIComponent(entry.articleId)}`}>{entry.articleId}</Link> : '—'}</td>
                    <td>
                      {auditDetailPairs(entry.detail).length === 0 ? (
                        '—'
                      ) : (
                        <dl className="audit-detail">
                          {auditDetailPairs(entry.detail).map(([key, value]) => (
                            <div key={key}>
                              <dt>{key}</dt>
                              <dd>{value}</dd>
                            </div>
                          ))}
                        </dl>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      <div role="status" className="audit-status">
        {log.loading && 'Loading entries…'}
      </div>
      {log.error && (
        <p className="form-error" role="alert">
          Could not load the audit log: {log.error.message}
        </p>
      )}
      {log.hasOlder && (
        <button type="button" className="button" onClick={loadOlder} disabled={log.loading}>
          Load older entries
        </button>
      )}
    </>
  )
}
