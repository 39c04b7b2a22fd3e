import { createHash, randomBytes } from 'node:crypto'

/** A new bearer secret (session, API token, invitation): 256 random bits, url-safe, with a readable prefix. */
export function newSecret(prefix: 'gs' | 'gt' | 'gi'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`
}

/** What storage keeps instead of a secret: its SHA-256, hex. A stolen database holds no usable token. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** A new record id: 16 url-safe characters (96 random bits). */
export function newId(): string {
  return randomBytes(12).toString('base64url')
}
