import { GalleyConnection } from '../collab/index.ts'

/**
 * Holds the signed-in user's one GalleyConnection. A connection belongs to one user (its handshake
 * carried their session cookie): asking for another user's closes the previous one first, and
 * `close()` ends it when nobody is signed in. Created on first use, so the sign-in page never opens
 * a socket the server would refuse.
 */
export class UserConnection {
  private current: { userId: string; connection: GalleyConnection } | null = null

  constructor(private readonly create: () => GalleyConnection = () => new GalleyConnection()) {}

  /** The connection for `userId`: the open one if it is theirs, otherwise a new one. */
  for(userId: string): GalleyConnection {
    if (this.current?.userId === userId) return this.current.connection
    this.close()
    const connection = this.create()
    this.current = { userId, connection }
    return connection
  }

  /** Closes the open connection, if any. */
  close(): void {
    const current = this.current
    this.current = null
    current?.connection.destroy()
  }

  /** The user whose connection is open, or null. */
  get userId(): string | null {
    return this.current?.userId ?? null
  }
}
