import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { readPresence, samePresence, type PresenceEntry } from './presenceEntries.ts'

/** Who is in the article, re-rendering only when the list of people changes (not on caret moves). */
export function usePresence(awareness: Awareness): PresenceEntry[] {
  const [entries, setEntries] = useState(() => readPresence(awareness))

  useEffect(() => {
    const update = (): void => {
      const next = readPresence(awareness)
      setEntries((previous) => (samePresence(previous, next) ? previous : next))
    }
    update()
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [awareness])

  return entries
}
