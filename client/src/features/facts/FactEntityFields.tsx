import { useId, useState, type FormEvent } from 'react'
import type { FactRecord } from '../../../../shared/article/index.ts'
import { CommandProblem } from './CommandProblem.tsx'
import type { FactsController } from './factsController.ts'
import { MAX_FIELD_CHARS, normalizeHttpUrl } from './sourceDraft.ts'
import { useCommandAction } from './useCommandAction.ts'
import { useDraft } from './useDraft.ts'

/**
 * An entity's (or a date's) canonical name and URI, e.g. "Antony Blinken" and its Wikidata address.
 * Editable with checkFacts (Save sends both), read-only otherwise; the URI links out when it is http(s).
 */
export function FactEntityFields({ record, controller, canCheck, withUri }: { record: FactRecord; controller: FactsController; canCheck: boolean; withUri: boolean }) {
  const id = useId()
  const action = useCommandAction()
  const name = useDraft(record.canonicalName)
  const uri = useDraft(record.uri)
  const [problem, setProblem] = useState<string | null>(null)

  if (!canCheck) {
    if (!record.canonicalName && !record.uri) return null
    return (
      <div className="fact-card__row">
        <span className="fact-card__label">Canonical name</span>
        <span>{record.canonicalName || '—'}</span>
        {withUri && /^https?:\/\//i.test(record.uri) && (
          <a href={record.uri} target="_blank" rel="noopener noreferrer" className="fact-card__uri">
            {record.uri}
          </a>
        )}
      </div>
    )
  }

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const address = normalizeHttpUrl(uri.current)
    if (address === null) {
      setProblem('The URI must be a web address starting with http:// or https://.')
      return
    }
    if (await action.run(() => controller.updateFact(record.id, withUri ? { canonicalName: name.current.trim(), uri: address } : { canonicalName: name.current.trim() }))) {
      name.reset()
      uri.reset()
    }
  }

  return (
    <form className="fact-card__section" onSubmit={(event) => void save(event)} aria-label="Canonical name">
      <label className="fact-card__label" htmlFor={`${id}-name`}>
        Canonical name
      </label>
      <input
        id={`${id}-name`}
        type="text"
        maxLength={MAX_FIELD_CHARS}
        placeholder={record.kind === 'date' ? 'YYYY-MM-DD' : 'Full name, as a reference work gives it'}
        value={name.current}
        onChange={(e) => name.set(e.target.value)}
      />
      {withUri && (
        <>
          <label className="fact-card__label" htmlFor={`${id}-uri`}>
            URI
          </label>
          <input
            id={`${id}-uri`}
            type="url"
            inputMode="url"
            placeholder="https://www.wikidata.org/wiki/Q…"
            value={uri.current}
            aria-invalid={problem !== null}
            onChange={(e) => {
              uri.set(e.target.value)
              setProblem(null)
            }}
          />
        </>
      )}
      {(name.dirty || uri.dirty) && (
        <div className="fact-card__actions">
          <button type="submit" className="button button--primary button--small" disabled={action.pending}>
            Save
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => {
              name.reset()
              uri.reset()
              setProblem(null)
              action.clear()
            }}
          >
            Cancel
          </button>
        </div>
      )}
      <CommandProblem problem={problem ?? action.problem} />
    </form>
  )
}
