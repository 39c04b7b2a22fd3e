import { RelativeTime } from '../../ui/index.ts'
import type { FactChange } from './factGrouping.ts'
import { KIND_LABELS, STATUS_LABELS } from './factLabels.ts'

/** "Last change: Fay Checker set “…” to Verified, 2 minutes ago" (Galley for its own re-checks). */
export function LastFactChange({ change }: { change: FactChange | null }) {
  if (!change) return null
  const who = change.by?.name || 'Galley'
  const words = change.text.replace(/\s+/g, ' ').trim()
  const short = words.length > 48 ? `${words.slice(0, 45)}…` : words
  return (
    <p className="fact-last-change" data-testid="fact-last-change">
      Last change: <strong>{who}</strong>{' '}
      {change.change.type === 'tagged' ? (
        <>
          tagged <q>{short}</q> as {KIND_LABELS[change.kind].toLowerCase()}
        </>
      ) : (
        <>
          set <q>{short}</q> to {STATUS_LABELS[change.change.to]}
        </>
      )}
      , <RelativeTime iso={change.at} />
    </p>
  )
}
