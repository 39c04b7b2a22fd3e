import { useId } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { usePresence } from './usePresence.ts'

/** Who is in this article now: a chip per person, in their colour, with "you" marked. */
export function PresenceList({ awareness }: { awareness: Awareness }) {
  const entries = usePresence(awareness)
  const headingId = useId()
  return (
    <section className="presence panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        In this article
      </h2>
      <ul className="presence__list" data-testid="presence">
        {entries.map((entry) => (
          <li key={entry.clientId} className="presence__person" data-client-id={entry.clientId}>
            <span className="presence__dot" style={{ backgroundColor: entry.color }} aria-hidden="true" />
            <span className="presence__name">{entry.name}</span>
            {entry.isLocal && <span className="presence__you"> (you)</span>}
          </li>
        ))}
        {entries.length === 0 && <li className="presence__empty">No one here yet</li>}
      </ul>
    </section>
  )
}
