/**
 * Presence (awareness) state: what one editor's client shares about itself. Display names and
 * colours are data, never markup: clients render them as text, the server checks their shape.
 */
export interface PresenceUser {
  name: string
  color: string
}

/** One awareness state. `cursor` is y-prosemirror's (relative positions); other keys are free-form JSON. */
export interface PresenceState {
  user: PresenceUser
  [key: string]: unknown
}

/** Upper bound on one awareness state's JSON, in bytes. */
export const MAX_PRESENCE_STATE_BYTES = 4096
/** Upper bound on a display name, in characters. */
export const MAX_DISPLAY_NAME_LENGTH = 60
const COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/

/** Why a presence state is refused, or null when it is acceptable. `null` states (removals) are fine. */
export function presenceStateProblem(state: unknown): string | null {
  if (state === null) return null
  if (typeof state !== 'object' || Array.isArray(state)) return 'a presence state must be an object'
  const user = (state as { user?: unknown }).user
  if (user !== undefined) {
    if (typeof user !== 'object' || user === null) return 'user must be an object'
    const { name, color } = user as { name?: unknown; color?: unknown }
    if (typeof name !== 'string' || name.trim().length === 0 || name.length > MAX_DISPLAY_NAME_LENGTH)
      return `user.name must be 1–${MAX_DISPLAY_NAME_LENGTH} characters`
    if (typeof color !== 'string' || !COLOR.test(color)) return 'user.color must be #rgb or #rrggbb'
  }
  return null
}

/** A readable colour per name, for the first visit. */
export const PRESENCE_COLORS = ['#c2410c', '#0369a1', '#15803d', '#7e22ce', '#b91c1c', '#0f766e', '#a16207', '#be185d'] as const

/** What y-protocols' Awareness reports in its 'update' and 'change' events. */
export interface AwarenessChanges {
  added: number[]
  updated: number[]
  removed: number[]
}
