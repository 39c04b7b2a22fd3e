import type { PublicUser } from '../../shared/auth/index.ts'
import type { SessionRecord, UserRecord } from '../storage/index.ts'

/** Who is making a request: the user and the session or API token they authenticated with. */
export interface Principal {
  user: PublicUser
  sessionId: string
  kind: SessionRecord['kind']
  expiresAt: string
}

/** A user row as APIs may show it: no password hash. */
export function publicUser(user: UserRecord): PublicUser {
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin }
}
