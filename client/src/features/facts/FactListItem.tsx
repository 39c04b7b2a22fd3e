import { entryText, type FactEntry } from './factEntries.ts'
import { FactDeleteButton } from './FactDeleteButton.tsx'
import { KIND_LABELS } from './factLabels.ts'
import type { FactsController } from './factsController.ts'
import { FactStatusBadge } from './FactStatusBadge.tsx'

/**
 * One tag in the facts panel: a button that scrolls to its words, selects them and opens its card.
 * An orphan (its words deleted) shows the words it had and, for roles with tagFacts, Delete.
 */
export function FactListItem({ entry, controller, canTag }: { entry: FactEntry; controller: FactsController; canTag: boolean }) {
  const { record } = entry
  return (
    <li className={`fact-item${entry.orphaned ? ' fact-item--orphan' : ''}`} data-testid="fact-item" data-fact-id={record.id} data-status={record.status}>
      <button type="button" className="fact-item__open" onClick={() => controller.reveal(record.id)}>
        <span className="fact-item__meta">
          <span className={`fact-kind fact-kind--${record.kind}`}>{KIND_LABELS[record.kind]}</span>
          <FactStatusBadge status={record.status} />
        </span>
        <span className="fact-item__text">{entryText(entry)}</span>
      </button>
      {entry.orphaned && canTag && <FactDeleteButton tagId={record.id} controller={controller} label="Delete" />}
    </li>
  )
}
