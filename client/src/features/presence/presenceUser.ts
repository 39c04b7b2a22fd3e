import type { PublicUser } from '../../../../shared/auth/index.ts'
import { MAX_DISPLAY_NAME_LENGTH, PRESENCE_COLORS, type PresenceUser } from '../../../../shared/protocol/index.ts'

/** A user's presence colour: the same one on every device and visit, picked from PRESENCE_COLORS by their id. */
export function userColor(userId: string): string {
  // FNV-1a: a stable, well-spread hash of the id; colleagues may share a colour, a person never changes theirs.
  let hash = 0x811c9dc5
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return PRESENCE_COLORS[(hash >>> 0) % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0]
}

/**
 * What colleagues see of the signed-in user (the awareness `user`, P11): their account name, cut to
 * the presence limit (account names may be longer), and their colour.
 */
export function presenceUserOf(user: Pick<PublicUser, 'id' | 'name' | 'email'>): PresenceUser {
  const name = user.name.replace(/\s+/g, ' ').trim().slice(0, MAX_DISPLAY_NAME_LENGTH).trim()
  return { name: name || user.email.slice(0, MAX_DISPLAY_NAME_LENGTH), color: userColor(user.id) }
}
