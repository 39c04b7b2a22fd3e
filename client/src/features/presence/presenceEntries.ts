import type { Awareness } from 'y-protocols/awareness'
import { presenceStateProblem, type PresenceState } from '../../../../shared/protocol/index.ts'

/** One person in the article, as the presence list shows them. */
export interface PresenceEntry {
  clientId: number
  name: string
  color: string
  /** True for this browser tab's own state. */
  isLocal: boolean
}

/**
 * Everyone in the article with a valid `user` (P11): this tab first, then colleagues by name.
 * States without a user, or that fail the shared validation, are left out — never trust a peer.
 */
export function readPresence(awareness: Awareness): PresenceEntry[] {
  const entries: PresenceEntry[] = []
  awareness.getStates().forEach((state, clientId) => {
    if (presenceStateProblem(state) !== null) return
    const user = (state as Partial<PresenceState>).user
    if (!user) return
    entries.push({ clientId, name: user.name.trim(), color: user.color, isLocal: clientId === awareness.clientID })
  })
  return entries.sort((a, b) => Number(b.isLocal) - Number(a.isLocal) || a.name.localeCompare(b.name) || a.clientId - b.clientId)
}

/** True when two lists show the same people the same way (cursor moves do not change the list). */
export function samePresence(a: readonly PresenceEntry[], b: readonly PresenceEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every((entry, i) => {
      const other = b[i]
      return other !== undefined && entry.clientId === other.clientId && entry.name === other.name && entry.color === other.color
    })
  )
}
