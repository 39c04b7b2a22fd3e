import { useId } from 'react'
import { FACT_KINDS, isFactKind, type FactRecord } from '../../../../shared/article/index.ts'
import { CommandProblem } from './CommandProblem.tsx'
import { KIND_LABELS } from './factLabels.ts'
import type { FactsController } from './factsController.ts'
import { useCommandAction } from './useCommandAction.ts'

/** What the tag marks: a select for roles with tagFacts (changes at once), plain text for others. */
export function FactKindField({ record, controller, canTag }: { record: FactRecord; controller: FactsController; canTag: boolean }) {
  const id = useId()
  const action = useCommandAction()
  if (!canTag) {
    return (
      <div className="fact-card__row">
        <span className="fact-card__label">Kind</span>
        <span>{KIND_LABELS[record.kind]}</span>
      </div>
    )
  }
  return (
    <div className="fact-card__row">
      <label className="fact-card__label" htmlFor={`${id}-kind`}>
        Kind
      </label>
      <select
        id={`${id}-kind`}
        className="fact-card__select"
        value={record.kind}
        disabled={action.pending}
        onChange={(event) => {
          const kind = event.target.value
          if (!isFactKind(kind) || kind === record.kind) return
          void action.run(() => controller.updateFact(record.id, { kind }))
        }}
      >
        {FACT_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {KIND_LABELS[kind]}
          </option>
        ))}
      </select>
      <CommandProblem problem={action.problem} />
    </div>
  )
}
