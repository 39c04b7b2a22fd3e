import { useId, useMemo, useState } from 'react'
import { FactFilters } from './FactFilters.tsx'
import { countFacts, factProgress, filterFacts, groupFacts, lastFactChange, NO_FILTER, type FactFilter, type FactGrouping } from './factGrouping.ts'
import { KIND_PLURALS, STATUS_LABELS } from './factLabels.ts'
import { FactLegend } from './FactLegend.tsx'
import { FactListItem } from './FactListItem.tsx'
import { FactProgressLine } from './FactProgressLine.tsx'
import type { FactsController } from './factsController.ts'
import { FactSuggestions } from './FactSuggestions.tsx'
import { LastFactChange } from './LastFactChange.tsx'
import { useFactsSnapshot, useFactsUi } from './useFacts.ts'
import type { FactKind, FactStatus } from '../../../../shared/article/index.ts'

interface FactsPanelProps {
  controller: FactsController
  canTag: boolean
  canCheck: boolean
}

/** A group's heading: the kind (plural) or the status. */
function groupLabel(key: FactKind | FactStatus, grouping: FactGrouping): string {
  return grouping === 'kind' ? KIND_PLURALS[key as FactKind] : STATUS_LABELS[key as FactStatus]
}

/**
 * Every fact tag of the article beside the story, live for everyone: the progress figure (verified
 * claims and quotes), who made the last change, "Find facts" (roles with tagFacts), filters and
 * search, the tags grouped by kind or status with counts (each opens its words and card), orphaned
 * tags in a group of their own, and the key to the underlines.
 */
export function FactsPanel({ controller, canTag, canCheck }: FactsPanelProps) {
  const ids = useId()
  const snapshot = useFactsSnapshot(controller)
  const ui = useFactsUi(controller)
  const [filter, setFilter] = useState<FactFilter>(NO_FILTER)
  const [grouping, setGrouping] = useState<FactGrouping>('kind')
  const { entries } = snapshot

  const progress = useMemo(() => factProgress(entries), [entries])
  const lastChange = useMemo(() => lastFactChange(entries), [entries])
  const counts = useMemo(() => countFacts(entries), [entries])
  const shown = useMemo(() => filterFacts(entries, filter), [entries, filter])
  const { groups, orphans } = useMemo(() => groupFacts(shown, grouping), [shown, grouping])
  const filtered = filter.kind !== 'all' || filter.status !== 'all' || filter.search.trim() !== ''

  return (
    <section className="facts-panel panel" aria-labelledby={`${ids}-title`} data-testid="facts-panel">
      <div className="panel__heading">
        <h2 id={`${ids}-title`} className="panel__title">
          Facts
        </h2>
        <span className="facts-panel__total">{entries.length === 1 ? '1 tag' : `${entries.length} tags`}</span>
      </div>
      <FactProgressLine progress={progress} />
      <LastFactChange change={lastChange} />
      {!canCheck && !canTag && <p className="facts-panel__note">You can read the fact checks; your role does not change them.</p>}
      {canTag && <FactSuggestions controller={controller} suggestions={ui.suggestions} />}
      {entries.length > 0 && (
        <FactFilters filter={filter} grouping={grouping} counts={counts} onFilter={setFilter} onGrouping={setGrouping} />
      )}
      {entries.length === 0 && (
        <p className="facts-panel__empty">
          No tags yet.{canTag ? ' Select words in the story and choose Tag fact (Ctrl+Shift+F, ⌘⇧F on a Mac).' : ''}
        </p>
      )}
      {entries.length > 0 && shown.length === 0 && filtered && <p className="facts-panel__empty">No tags match.</p>}
      {groups.map((group) => (
        <section key={group.key} className="facts-panel__group" aria-label={`${groupLabel(group.key, grouping)}: ${group.entries.length}`}>
          <h3 className="facts-panel__subtitle">
            {groupLabel(group.key, grouping)} <span className="facts-panel__count">{group.entries.length}</span>
          </h3>
          <ul className="fact-list">
            {group.entries.map((entry) => (
              <FactListItem key={entry.record.id} entry={entry} controller={controller} canTag={canTag} />
            ))}
          </ul>
        </section>
      ))}
      {orphans.length > 0 && (
        <section className="facts-panel__group facts-panel__group--orphans" aria-label={`Text deleted: ${orphans.length}`} data-testid="fact-orphans">
          <h3 className="facts-panel__subtitle">
            Text deleted <span className="facts-panel__count">{orphans.length}</span>
          </h3>
          <p className="facts-panel__note">These tags lost all their words. Undo brings them back; otherwise delete them.</p>
          <ul className="fact-list">
            {orphans.map((entry) => (
              <FactListItem key={entry.record.id} entry={entry} controller={controller} canTag={canTag} />
            ))}
          </ul>
        </section>
      )}
      <FactLegend />
      <p className="visually-hidden" role="status" aria-live="polite">
        {ui.announcement}
      </p>
    </section>
  )
}
