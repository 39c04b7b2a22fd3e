import {
  MAX_DISPLAY_NAME_LENGTH,
  PRESENCE_COLORS,
  presenceStateProblem,
  type PresenceUser,
} from '../../../../shared/protocol/index.ts'

/**
 * Who is editing, until accounts exist: a display name and a colour chosen in this browser.
 * It is the `user` of the presence state (docs/protocol.md P11), so it has the same shape.
 */
export type Identity = PresenceUser

/** The localStorage key the identity is kept under. */
export const IDENTITY_STORAGE_KEY = 'galley.identity'

/** A display name as typed, with outer spaces trimmed and inner runs of whitespace made one space. */
export function normalizeDisplayName(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim()
}

/** Why a (normalized) display name is refused, or null when it is acceptable. */
export function displayNameProblem(name: string): string | null {
  if (name.length === 0) return 'Enter a name your colleagues will recognise.'
  if (name.length > MAX_DISPLAY_NAME_LENGTH) return `Use at most ${MAX_DISPLAY_NAME_LENGTH} characters.`
  return null
}

/** A colour from PRESENCE_COLORS, picked at random for a first visit. */
export function pickColor(random: () => number = Math.random): string {
  return PRESENCE_COLORS[Math.floor(random() * PRESENCE_COLORS.length)] ?? PRESENCE_COLORS[0]
}

/** Parses a stored identity; anything the server would refuse as a presence user reads as none. */
export function parseIdentity(stored: string | null): Identity | null {
  if (stored === null) return null
  let value: unknown
  try {
    value = JSON.parse(stored)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null || !('user' in value)) return null
  if (presenceStateProblem(value) !== null) return null
  const { name, color } = (value as { user: Identity }).user
  return { name, color }
}

/** The stored form of an identity (a presence state, so parseIdentity can reuse its validation). */
export function serializeIdentity(identity: Identity): string {
  return JSON.stringify({ user: { name: identity.name, color: identity.color } })
}
