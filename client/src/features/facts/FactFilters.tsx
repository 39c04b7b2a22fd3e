import { useId } from 'react'
import { FACT_KINDS, FACT_STATUSES, isFactKind, isFactStatus, type FactKind, type FactStatus } from '../../../../shared/article/index.ts'
import type { FactFilter, FactGrouping } from './factGrouping.ts'
import { KIND_LABELS, STATUS_LABELS } from './factLabels.ts'

interface FactFiltersProps {
  filter: FactFilter
  grouping: FactGrouping
  counts: { kinds: Record<FactKind, number>; statuses: Record<FactStatus, number> }
  onFilter: (filter: FactFilter) => void
  onGrouping: (grouping: FactGrouping) => void
}

/** Group by kind or status; show one kind, one status; search the tags' words, names, notes and sources. */
export function FactFilters({ filter, grouping, counts, onFilter, onGrouping }: FactFiltersProps) {
  const id = useId()
  return (
    <div className="fact-filters">
      <fieldset className="fact-filters__grouping">
        <legend>Group by</legend>
        {(['kind', 'status'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name={`${id}-group`} value={value} checked={grouping === value} onChange={() => onGrouping(value)} />
            {value === 'kind' ? 'Kind' : 'Status'}
          </label>
        ))}
      </fieldset>
      <div className="fact-filters__row">
        <label className="visually-hidden" htmlFor={`${id}-kind`}>
          Show kind
        </label>
        <select
          id={`${id}-kind`}
          value={filter.kind}
          onChange={(e) => onFilter({ ...filter, kind: isFactKind(e.target.value) ? e.target.value : 'all' })}
        >
          <option value="all">All kinds</option>
          {FACT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]} ({counts.kinds[kind]})
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={`${id}-status`}>
          Show status
        </label>
        <select
          id={`${id}-status`}
          value={filter.status}
          onChange={(e) => onFilter({ ...filter, status: isFactStatus(e.target.value) ? e.target.value : 'all' })}
        >
          <option value="all">All statuses</option>
          {FACT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]} ({counts.statuses[status]})
            </option>
          ))}
        </select>
      </div>
      <label className="visually-hidden" htmlFor={`${id}-search`}>
        Search facts
      </label>
      <input
        id={`${id}-search`}
        type="search"
        placeholder="Search facts"
        value={filter.search}
        onChange={(e) => onFilter({ ...filter, search: e.target.value })}
      />
    </div>
  )
}
