import type { PublicUser } from '../../../shared/auth/index.ts'
import { isRecord } from '../api/index.ts'

/** True when `value` has the shape of a PublicUser (the server's answers are checked, not trusted). */
export function isPublicUser(value: unknown): value is PublicUser {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.email === 'string' &&
    typeof value.name === 'string' &&
    typeof value.isAdmin === 'boolean'
  )
}
