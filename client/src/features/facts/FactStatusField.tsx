import { useId } from 'react'
import { FACT_STATUSES, isFactStatus, type FactRecord } from '../../../../shared/article/index.ts'
import { CommandProblem } from './CommandProblem.tsx'
import { STATUS_ICONS, STATUS_LABELS } from './factLabels.ts'
import type { FactsController } from './factsController.ts'
import { FactStatusBadge } from './FactStatusBadge.tsx'
import { useCommandAction } from './useCommandAction.ts'

/**
 * The tag's status: a select for roles with checkFacts that changes it at once (`fact.update`),
 * a badge for others. `needs-recheck` is Galley's to set, so it is never offered, only shown.
 */
export function FactStatusField({ record, controller, canCheck }: { record: FactRecord; controller: FactsController; canCheck: boolean }) {
  const id = useId()
  const action = useCommandAction()
  if (!canCheck) {
    return (
      <div className="fact-card__row">
        <span className="fact-card__label">Status</span>
        <FactStatusBadge status={record.status} />
      </div>
    )
  }
  return (
    <div className="fact-card__row">
      <label className="fact-card__label" htmlFor={`${id}-status`}>
        Status
      </label>
      <select
        id={`${id}-status`}
        className="fact-card__select"
        data-testid="fact-status-select"
        value={record.status}
        disabled={action.pending}
        aria-describedby={action.problem ? `${id}-problem` : undefined}
        onChange={(event) => {
          const status = event.target.value
          if (!isFactStatus(status) || status === 'needs-recheck' || status === record.status) return
          void action.run(() => controller.updateFact(record.id, { status }))
        }}
      >
        {FACT_STATUSES.map((status) => (
          <option key={status} value={status} disabled={status === 'needs-recheck'}>
            {STATUS_ICONS[status]} {STATUS_LABELS[status]}
            {status === 'needs-recheck' ? ' (set by Galley)' : ''}
          </option>
        ))}
      </select>
      <CommandProblem problem={action.problem} id={`${id}-problem`} />
    </div>
  )
}
