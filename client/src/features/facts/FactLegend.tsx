import { FACT_STATUSES } from '../../../../shared/article/index.ts'
import { STATUS_DESCRIPTIONS, STATUS_ICONS, STATUS_LABELS, STATUS_LINES } from './factLabels.ts'

/**
 * The key to the underlines: for each status its colour, its line style and its icon (so colour is
 * never the only cue), what it means; and how a suggestion looks. The samples use the editor's own classes.
 */
export function FactLegend() {
  return (
    <details className="fact-legend" data-testid="fact-legend">
      <summary>Key to the underlines</summary>
      <ul className="fact-legend__list">
        {FACT_STATUSES.map((status) => (
          <li key={status} className="fact-legend__item">
            <span className="fact-legend__sample" aria-hidden="true">
              <span className={`fact-tag-line fact-status-look--${status} fact-tag-line--depth-0`}>words</span>
              <span className={`fact-tag-icon fact-status-look--${status}`}>{STATUS_ICONS[status]}</span>
            </span>
            <span>
              <strong>
                {STATUS_LABELS[status]} <span aria-hidden="true">{STATUS_ICONS[status]}</span>
              </strong>{' '}
              <span className="fact-legend__line">({STATUS_LINES[status]} line)</span>: {STATUS_DESCRIPTIONS[status]}
            </span>
          </li>
        ))}
        <li className="fact-legend__item">
          <span className="fact-legend__sample fact-suggestion" aria-hidden="true">
            words
          </span>
          <span>
            <strong>Suggested</strong> <span className="fact-legend__line">(dashed box)</span>: found by Find facts, not tagged yet.
          </span>
        </li>
      </ul>
    </details>
  )
}
