/**
 * A new id for a record the client names itself (a thread it opens), of the shape the server accepts
 * (RECORD_ID_PATTERN in shared/protocol/commands.ts: 8–64 url-safe characters): 128 random bits in
 * base64url, 22 characters. The pattern is not imported: commands.ts brings zod, kept out of the client.
 */
export function newRecordId(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
