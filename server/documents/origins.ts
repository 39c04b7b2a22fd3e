/**
 * Transaction origins: every change to a live document says who made it. Clients' updates carry
 * the socket they came from (so the broadcast can skip the sender); the server's own changes a reason.
 */
export type ChangeOrigin =
  | { kind: 'client'; socketId: string; userId: string }
  | { kind: 'server'; reason: 'load' | 'shape' | 'seed' | 'import' | 'command' | 'recheck' | 'workflow' }

/** An origin for a client's update. */
export function clientOrigin(socketId: string, userId: string): Extract<ChangeOrigin, { kind: 'client' }> {
  return { kind: 'client', socketId, userId }
}

/** An origin for the server's own change. */
export function serverOrigin(reason: Extract<ChangeOrigin, { kind: 'server' }>['reason']): ChangeOrigin {
  return { kind: 'server', reason }
}

/** Narrows an unknown Yjs transaction origin to a ChangeOrigin. */
export function asChangeOrigin(origin: unknown): ChangeOrigin | null {
  if (typeof origin !== 'object' || origin === null) return null
  const kind = (origin as { kind?: unknown }).kind
  return kind === 'client' || kind === 'server' ? (origin as ChangeOrigin) : null
}
