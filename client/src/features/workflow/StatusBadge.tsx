import { STATUS_LABELS, type ArticleStatus } from '../../../../shared/article/workflow.ts'

/** An article's workflow status as a coloured badge with its label (the colour is never the only cue). */
export function StatusBadge({ status }: { status: ArticleStatus }) {
  return (
    <span className={`status-badge status-badge--${status}`} data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  )
}
