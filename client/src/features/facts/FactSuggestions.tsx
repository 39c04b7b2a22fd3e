import { useId } from 'react'
import type { FactsController } from './factsController.ts'
import type { SuggestionsState } from './suggestionsFlow.ts'
import { KIND_LABELS } from './factLabels.ts'

/**
 * "Find facts": asks the server for suggestions, highlights them in the text (dashed) and lists
 * them; each can be accepted (it becomes a tag, with its speaker or date) or dismissed (not proposed
 * again, to anyone). Offered to roles with tagFacts. Errors are the server's words.
 */
export function FactSuggestions({ controller, suggestions }: { controller: FactsController; suggestions: SuggestionsState }) {
  const ids = useId()
  const { status, placed, pending, problems, unmatched } = suggestions
  return (
    <section className="fact-suggestions" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`} className="facts-panel__subtitle">
        Suggestions
      </h3>
      <div className="fact-suggestions__actions">
        <button
          type="button"
          className="button button--small"
          data-testid="find-facts"
          disabled={status === 'loading'}
          onClick={() => void controller.suggestions.find()}
        >
          {status === 'loading' ? 'Finding facts…' : status === 'ready' ? 'Find facts again' : 'Find facts'}
        </button>
        {status === 'ready' && (
          <button type="button" className="button button--quiet button--small" onClick={() => controller.suggestions.clear()}>
            Hide suggestions
          </button>
        )}
      </div>
      {status === 'error' && (
        <p className="field__error" role="alert">
          Could not find facts: {suggestions.error}
        </p>
      )}
      {status === 'ready' && (
        <p className="fact-suggestions__summary">
          {placed.length === 0 ? 'Nothing new to suggest.' : `${placed.length} to review.`}
          {unmatched > 0 && ` ${unmatched} no longer matched the text (it changed while they were found); find again to see them.`}
        </p>
      )}
      {placed.length > 0 && (
        <ul className="fact-suggestions__list" data-testid="fact-suggestions">
          {placed.map(({ item }) => {
            const { kind, text, speaker, date } = item.suggestion
            const busy = pending.get(item.id)
            const problem = problems.get(item.id)
            return (
              <li key={item.id} className="fact-suggestion-item" data-suggestion-key={item.id}>
                <button type="button" className="fact-suggestion-item__text" onClick={() => controller.suggestions.reveal(item.id)}>
                  <span className={`fact-kind fact-kind--${kind}`}>{KIND_LABELS[kind]}</span> <q>{text}</q>
                  {speaker && <span className="fact-suggestion-item__extra"> — {speaker}</span>}
                  {date && <span className="fact-suggestion-item__extra"> — {date}</span>}
                </button>
                <span className="fact-suggestion-item__actions">
                  <button
                    type="button"
                    className="button button--small"
                    disabled={busy !== undefined}
                    aria-label={`Accept ${KIND_LABELS[kind].toLowerCase()} “${text}”`}
                    onClick={() => void controller.suggestions.accept(item.id)}
                  >
                    {busy === 'accept' ? 'Tagging…' : 'Accept'}
                  </button>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    disabled={busy !== undefined}
                    aria-label={`Dismiss ${KIND_LABELS[kind].toLowerCase()} “${text}”`}
                    onClick={() => void controller.suggestions.dismiss(item.id)}
                  >
                    {busy === 'dismiss' ? 'Dismissing…' : 'Dismiss'}
                  </button>
                </span>
                {problem && (
                  <p className="field__error" role="alert">
                    {problem}
                  </p>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
