import { useEffect } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { Identity } from '../identity/index.ts'

/** Publishes this user's name and colour as the awareness `user` field (PresenceState) while mounted. */
export function useLocalPresence(awareness: Awareness, identity: Identity | null): void {
  const name = identity?.name
  const color = identity?.color
  useEffect(() => {
    if (name === undefined || color === undefined) return
    awareness.setLocalStateField('user', { name, color })
  }, [awareness, name, color])
}
