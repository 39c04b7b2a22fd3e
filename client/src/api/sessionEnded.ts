/**
 * The signal that the server stopped accepting this page's session (a 401 on a request that was sent
 * signed in, or a refused socket handshake): the cookie expired or was revoked. A page has exactly one
 * session cookie, so one page-wide signal is the honest model; the auth store listens and sends the
 * user to the sign-in page.
 */
const listeners = new Set<() => void>()

/** Calls `listener` each time the session is found to have ended; returns the unsubscribe function. */
export function onSessionEnded(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Tells every listener that the server no longer accepts this page's session. */
export function reportSessionEnded(): void {
  for (const listener of [...listeners]) listener()
}
