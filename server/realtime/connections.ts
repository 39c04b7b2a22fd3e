import type { Principal } from '../accounts/principal.ts'

/** What the connection tracker needs of a socket. */
export interface TrackedSocket {
  id: string
  disconnect(close?: boolean): unknown
}

/**
 * The open sockets of each user and each session, so that a revoked session's sockets are closed
 * and a user's connections are limited. Per server process.
 */
export class ConnectionTracker {
  private readonly byUser = new Map<string, Set<TrackedSocket>>()
  private readonly bySession = new Map<string, Set<TrackedSocket>>()

  /** Open sockets of a user. */
  countFor(userId: string): number {
    return this.byUser.get(userId)?.size ?? 0
  }

  /** Sockets of a user, for role changes. */
  socketsOf(userId: string): ReadonlySet<TrackedSocket> {
    return this.byUser.get(userId) ?? new Set()
  }

  add(socket: TrackedSocket, principal: Principal): void {
    add(this.byUser, principal.user.id, socket)
    add(this.bySession, principal.sessionId, socket)
  }

  remove(socket: TrackedSocket, principal: Principal): void {
    remove(this.byUser, principal.user.id, socket)
    remove(this.bySession, principal.sessionId, socket)
  }

  /** Disconnects every socket opened with a session or token. */
  disconnectSession(sessionId: string): void {
    for (const socket of [...(this.bySession.get(sessionId) ?? [])]) socket.disconnect(true)
  }
}

function add(map: Map<string, Set<TrackedSocket>>, key: string, socket: TrackedSocket): void {
  let set = map.get(key)
  if (!set) map.set(key, (set = new Set()))
  set.add(socket)
}

function remove(map: Map<string, Set<TrackedSocket>>, key: string, socket: TrackedSocket): void {
  const set = map.get(key)
  if (!set) return
  set.delete(socket)
  if (set.size === 0) map.delete(key)
}
