import { useId, type FormEvent } from 'react'
import type { FactRecord } from '../../../../shared/article/index.ts'
import { CommandProblem } from './CommandProblem.tsx'
import type { FactsController } from './factsController.ts'
import { MAX_FIELD_CHARS } from './sourceDraft.ts'
import { useCommandAction } from './useCommandAction.ts'
import { useDraft } from './useDraft.ts'

/** The checker's note: a text area and Save with checkFacts, plain text (never markup) otherwise. */
export function FactNoteField({ record, controller, canCheck }: { record: FactRecord; controller: FactsController; canCheck: boolean }) {
  const id = useId()
  const action = useCommandAction()
  const note = useDraft(record.note)
  if (!canCheck) {
    if (!record.note) return null
    return (
      <div className="fact-card__section">
        <span className="fact-card__label">Note</span>
        <p className="fact-card__note">{record.note}</p>
      </div>
    )
  }
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (await action.run(() => controller.updateFact(record.id, { note: note.current.trim() }))) note.reset()
  }
  return (
    <form className="fact-card__section" onSubmit={(event) => void save(event)} aria-label="Note">
      <label className="fact-card__label" htmlFor={`${id}-note`}>
        Note
      </label>
      <textarea id={`${id}-note`} rows={2} maxLength={MAX_FIELD_CHARS} value={note.current} onChange={(e) => note.set(e.target.value)} />
      {note.dirty && (
        <div className="fact-card__actions">
          <button type="submit" className="button button--primary button--small" disabled={action.pending}>
            Save note
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => {
              note.reset()
              action.clear()
            }}
          >
            Cancel
          </button>
        </div>
      )}
      <CommandProblem problem={action.problem} />
    </form>
  )
}
