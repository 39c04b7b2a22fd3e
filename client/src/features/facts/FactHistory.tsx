import type { FactRecord } from '../../../../shared/article/index.ts'
import { RelativeTime } from '../../ui/index.ts'
import { STATUS_LABELS } from './factLabels.ts'

/** Who tagged it and every status change, oldest first: who (Galley for its own re-checks), when, and the words at that moment. */
export function FactHistory({ record }: { record: FactRecord }) {
  return (
    <details className="fact-card__section fact-history">
      <summary className="fact-card__heading">History ({record.history.length + 1})</summary>
      <ol className="fact-history__list">
        <li>
          Tagged by <strong>{record.createdBy.name || 'someone'}</strong> <RelativeTime iso={record.createdAt} />
        </li>
        {record.history.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <strong>{entry.by?.name || 'Galley'}</strong>: {entry.from ? STATUS_LABELS[entry.from] : 'new'} → {STATUS_LABELS[entry.to]}{' '}
            <RelativeTime iso={entry.at} />
            {entry.text && <q className="fact-history__text">{entry.text}</q>}
          </li>
        ))}
      </ol>
    </details>
  )
}
