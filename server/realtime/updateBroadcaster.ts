import type { Socket as TcpSocket } from 'node:net'
import type { Logger } from 'pino'
import * as Y from 'yjs'
import { Events, encodeUpdate } from '../../shared/protocol/index.ts'
import type { DocumentRegistry } from '../documents/documentRegistry.ts'
import type { LiveDocument } from '../documents/liveDocument.ts'
import { webSocketTcp, type ConnectionInternals } from './engineConnection.ts'
import { articleRoom, type GalleyIo } from './roomName.ts'

interface Pending {
  updates: Uint8Array[]
  /** The socket each update came from, or null for the server's own changes. */
  senders: Array<string | null>
}

/** The broadcaster of a server's live documents (P10). */
export interface UpdateBroadcaster {
  /**
   * Holds what is written to a socket's connection until the article's next broadcast, when that
   * broadcast is already due and brings this socket something (a change from anyone else): a reply
   * written meanwhile (the ack of an update, P9) then reaches the client in the same TCP write as the
   * broadcast instead of in a packet of its own. Nothing is reordered: all of the connection's
   * writes wait, in order, for at most the broadcast interval (a connection is held for one
   * article's broadcast at a time; writes for its other articles wait with them). Does nothing
   * otherwise (no broadcast due, or only the socket's own changes in it, or not a plain WebSocket
   * connection, or the broadcaster stopped), so a client that waits for each ack before sending on
   * is never slowed down by its own pacing.
   */
  holdUntilNextBroadcast(live: LiveDocument, socketId: string, conn: unknown): void
  /** Stops relaying, releasing every held connection. */
  stop(): void
}

/**
 * Relays every change a live document emits to the article's room (P10). Changes emitted in one
 * event-loop turn are merged into one update and encoded once; the sender of an update does not get
 * it back: each sender gets the merge of the turn's other updates (other sockets' and the server's).
 * With `minIntervalMs`, an article broadcasts at most once per interval: a change that comes sooner
 * after its last broadcast waits for the rest of the interval and goes out merged with everything
 * else the article emitted meanwhile. The pacing is per article, so a busy article never delays a
 * quiet one.
 */
export function startUpdateBroadcaster(io: GalleyIo, registry: DocumentRegistry, logger: Logger, minIntervalMs = 0): UpdateBroadcaster {
  const pending = new Map<LiveDocument, Pending>()
  const lastFlush = new WeakMap<LiveDocument, number>()
  /** Articles to broadcast at the end of this turn. */
  const dueThisTurn = new Set<LiveDocument>()
  let turnScheduled = false
  const timers = new Map<LiveDocument, NodeJS.Timeout>()
  /**
   * TCP sockets corked until an article's next broadcast, by article, and the article holding each
   * socket. A socket is held for one article at a time: holds for two articles could overlap again
   * and again, and a socket corked twice only writes once both are undone.
   */
  const held = new Map<LiveDocument, Set<TcpSocket>>()
  const holder = new Map<TcpSocket, LiveDocument>()
  let stopped = false

  function schedule(live: LiveDocument): void {
    // Whole milliseconds: Node keeps one timer list per distinct duration.
    const wait = minIntervalMs > 0 ? Math.ceil((lastFlush.get(live) ?? -Infinity) + minIntervalMs - performance.now()) : 0
    if (wait > 0) {
      timers.set(
        live,
        setTimeout(() => {
          timers.delete(live)
          flush(live)
        }, wait),
      )
      return
    }
    dueThisTurn.add(live)
    if (turnScheduled) return
    turnScheduled = true
    setImmediate(() => {
      turnScheduled = false
      const due = [...dueThisTurn]
      dueThisTurn.clear()
      for (const article of due) flush(article)
    })
  }

  function flush(live: LiveDocument): void {
    const batch = pending.get(live)
    if (!batch) return
    pending.delete(live)
    lastFlush.set(live, performance.now())
    // A timer callback that throws would end the process; one article's failure must not stop the others.
    try {
      send(live, batch)
    } catch (err) {
      logger.error({ err, articleId: live.id }, 'broadcasting an update failed; the clients in the article get it when they next sync')
    } finally {
      release(live)
    }
  }

  function release(live: LiveDocument): void {
    const sockets = held.get(live)
    if (!sockets) return
    held.delete(live)
    for (const tcp of sockets) {
      holder.delete(tcp)
      tcp.uncork()
    }
  }

  function send(live: LiveDocument, { updates, senders }: Pending): void {
    const room = articleRoom(live.id)
    if (updates.length === 1) {
      // The usual case under typing load: one change in the turn, to everyone but its sender.
      const sender = senders[0]
      io.to(room).except(sender ?? []).emit(Events.y, live.id, encodeUpdate(updates[0]!))
      return
    }
    const merged = Y.mergeUpdates(updates)
    const senderSockets = [...new Set(senders.filter((s): s is string => s !== null))]
    io.to(room).except(senderSockets).emit(Events.y, live.id, encodeUpdate(merged))
    for (const socketId of senderSockets) {
      const others = updates.filter((_, i) => senders[i] !== socketId)
      if (others.length === 0) continue
      io.to(socketId).emit(Events.y, live.id, encodeUpdate(others.length === 1 ? others[0]! : Y.mergeUpdates(others)))
    }
  }

  const unsubscribe = registry.onUpdate((live, update, origin) => {
    let batch = pending.get(live)
    if (!batch) {
      batch = { updates: [], senders: [] }
      pending.set(live, batch)
      schedule(live)
    }
    batch.updates.push(update)
    batch.senders.push(origin?.kind === 'client' ? origin.socketId : null)
  })
  return {
    holdUntilNextBroadcast(live, socketId, conn) {
      if (stopped || !pending.get(live)?.senders.some((sender) => sender !== socketId)) return
      const tcp = webSocketTcp(conn as ConnectionInternals)
      // Already held (for this article or another): the writes wait for that broadcast instead.
      if (!tcp || holder.has(tcp)) return
      let sockets = held.get(live)
      if (!sockets) held.set(live, (sockets = new Set()))
      sockets.add(tcp)
      holder.set(tcp, live)
      tcp.cork()
    },
    stop() {
      stopped = true
      unsubscribe()
      for (const timer of timers.values()) clearTimeout(timer)
      timers.clear()
      for (const live of [...held.keys()]) release(live)
    },
  }
}
