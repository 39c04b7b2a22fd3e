import type * as Y from 'yjs'

/**
 * One simulated editor as the scenarios see it, whatever the server: a Y.Doc kept in sync over
 * its own connection. Local changes to `doc` are sent to the server as they happen.
 */
export interface BenchClient {
  readonly doc: Y.Doc
  /** Frames received from the server so far. */
  readonly framesReceived: number
  /** Local changes sent and not yet acknowledged (always 0 for a server without acks). */
  readonly inFlight: number
  /** What went wrong on this connection (refused frames, unexpected disconnects); empty when all is well. */
  readonly problems: readonly string[]
  /** Resolves when every frame sent so far has reached the server's document. */
  barrier(): Promise<void>
  /** Resolves when fewer than `limit` local changes are unacknowledged. */
  whenInFlightBelow(limit: number): Promise<void>
  /** Closes the connection. */
  close(): void
}
