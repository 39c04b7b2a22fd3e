import { useId, useState, type FormEvent } from 'react'
import { MAX_FACT_SOURCES, type FactRecord } from '../../../../shared/article/index.ts'
import { CommandProblem } from './CommandProblem.tsx'
import type { FactsController } from './factsController.ts'
import { MAX_FIELD_CHARS, sourceFromDraft, todayIso, type SourceDraft } from './sourceDraft.ts'
import { useCommandAction } from './useCommandAction.ts'

const EMPTY_DRAFT: SourceDraft = { url: '', title: '', note: '', accessedAt: '' }

/**
 * The sources a checker relied on: a list (titles link to their http(s) address, opened in a new tab
 * without referrer), and for roles with checkFacts a Remove button each and a form to add one
 * (address, title, note, date accessed). Each change sends only the source added or removed
 * (`fact.update` addSources/removeSources), so checkers adding sources at once keep all of them.
 */
export function FactSourcesField({ record, controller, canCheck }: { record: FactRecord; controller: FactsController; canCheck: boolean }) {
  const id = useId()
  const action = useCommandAction()
  const [adding, setAdding] = useState(false)
  const [draft, setDraft] = useState<SourceDraft>(EMPTY_DRAFT)
  const [problem, setProblem] = useState<string | null>(null)
  const sources = record.sources

  const change = (next: SourceDraft): void => {
    setDraft(next)
    setProblem(null)
  }

  const add = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const result = sourceFromDraft(draft)
    if ('problem' in result) {
      setProblem(result.problem)
      return
    }
    if (await action.run(() => controller.updateFact(record.id, { addSources: [result.source] }))) {
      setDraft(EMPTY_DRAFT)
      setAdding(false)
    }
  }

  return (
    <section className="fact-card__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="fact-card__heading">
        Sources {sources.length > 0 && <span className="fact-card__count">({sources.length})</span>}
      </h3>
      {sources.length === 0 ? (
        <p className="fact-card__empty">No sources yet.</p>
      ) : (
        <ul className="fact-sources" data-testid="fact-sources">
          {sources.map((source, index) => (
            <li key={`${index}-${source.url}-${source.title}`} className="fact-sources__item">
              <div className="fact-sources__main">
                {/^https?:\/\//i.test(source.url) ? (
                  <a href={source.url} target="_blank" rel="noopener noreferrer">
                    {source.title || source.url}
                  </a>
                ) : (
                  <span>{source.title}</span>
                )}
                {source.accessedAt && <span className="fact-sources__date"> · accessed {source.accessedAt}</span>}
                {source.note && <p className="fact-sources__note">{source.note}</p>}
              </div>
              {canCheck && (
                <button
                  type="button"
                  className="button button--quiet button--small"
                  disabled={action.pending}
                  aria-label={`Remove source ${source.title || source.url}`}
                  onClick={() => void action.run(() => controller.updateFact(record.id, { removeSources: [source] }))}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canCheck && !adding && sources.length < MAX_FACT_SOURCES && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setAdding(true)
            change({ ...EMPTY_DRAFT, accessedAt: todayIso() })
          }}
        >
          Add source
        </button>
      )}
      {canCheck && adding && (
        <form className="fact-source-form" onSubmit={(event) => void add(event)} aria-label="Add a source" noValidate>
          <label htmlFor={`${id}-url`}>Address</label>
          <input id={`${id}-url`} type="url" inputMode="url" placeholder="https://" value={draft.url} onChange={(e) => change({ ...draft, url: e.target.value })} autoFocus />
          <label htmlFor={`${id}-name`}>Title</label>
          <input id={`${id}-name`} type="text" maxLength={MAX_FIELD_CHARS} value={draft.title} onChange={(e) => change({ ...draft, title: e.target.value })} />
          <label htmlFor={`${id}-note`}>Note</label>
          <input id={`${id}-note`} type="text" maxLength={MAX_FIELD_CHARS} placeholder="page, timestamp, who confirmed…" value={draft.note} onChange={(e) => change({ ...draft, note: e.target.value })} />
          <label htmlFor={`${id}-accessed`}>Accessed</label>
          <input id={`${id}-accessed`} type="date" value={draft.accessedAt} onChange={(e) => change({ ...draft, accessedAt: e.target.value })} />
          <div className="fact-card__actions">
            <button type="submit" className="button button--primary button--small" disabled={action.pending}>
              {action.pending ? 'Adding…' : 'Add'}
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => {
                setAdding(false)
                setProblem(null)
                action.clear()
              }}
            >
              Cancel
            </button>
          </div>
          <CommandProblem problem={problem} />
        </form>
      )}
      <CommandProblem problem={action.problem} />
    </section>
  )
}
