import type { FactStatus } from '../../../../shared/article/index.ts'
import { STATUS_ICONS, statusLabel } from './factLabels.ts'

/** A status as a small badge: its icon and its name (colour is never the only cue). */
export function FactStatusBadge({ status }: { status: FactStatus | null }) {
  return (
    <span className={`fact-status fact-status--${status ?? 'none'}`} data-status={status ?? 'none'}>
      <span className="fact-status__icon" aria-hidden="true">
        {status ? STATUS_ICONS[status] : '·'}
      </span>
      {statusLabel(status)}
    </span>
  )
}
