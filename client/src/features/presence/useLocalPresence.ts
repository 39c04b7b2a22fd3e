import { useEffect } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { PresenceUser } from '../../../../shared/protocol/index.ts'

/** Publishes this user's name and colour as the awareness `user` field (PresenceState) while mounted. */
export function useLocalPresence(awareness: Awareness, user: PresenceUser): void {
  const { name, color } = user
  useEffect(() => {
    awareness.setLocalStateField('user', { name, color })
  }, [awareness, name, color])
}
