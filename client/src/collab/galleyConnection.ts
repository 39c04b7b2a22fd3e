import * as Y from 'yjs'
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client'
import {
  ErrorCode,
  Events,
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type ErrorEvent,
  type JoinResult,
  type Response,
  type ServerToClientEvents,
} from '../../../shared/protocol/index.ts'
import { ArticleSession, type FrameSender } from './articleSession.ts'
import type { SaveStatus } from './saveStatus.ts'

export type GalleySocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** Reconnection: exponential backoff from 0.5 s up to 10 s, each delay randomized by ±50 % (jitter). */
export const RECONNECT_OPTIONS = {
  reconnection: true,
  reconnectionDelay: 500,
  reconnectionDelayMax: 10_000,
  randomizationFactor: 0.5,
} as const satisfies Partial<ManagerOptions>

/** How long a join may wait for its ack before the connection is treated as broken. */
const JOIN_TIMEOUT_MS = 15_000

/** A delay that doubles with each attempt from `base` up to `max`, randomized by ±50 % (jitter). */
export function backoffDelay(attempt: number, base = 1000, max = 30_000): number {
  const delay = Math.min(max, base * 2 ** attempt)
  return delay * (0.5 + Math.random())
}

/** A random per-tab key that owns this connection's presence, so a reconnect takes it back (P11). */
function newPresenceKey(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * One Socket.IO connection to a Galley server, carrying any number of open articles.
 * Framework-free: the browser editor, tests and benchmarks all use it.
 */
export class GalleyConnection implements FrameSender {
  readonly socket: GalleySocket
  private readonly sessions = new Map<string, ArticleSession>()
  /** Consecutive resyncs per article, for their backoff; reset by a clean join. */
  private readonly resyncs = new Map<string, number>()
  private serverDisconnects = 0
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null

  /** `url` is the server's origin; '' or undefined means the page's own origin. */
  constructor(url?: string, options: Partial<ManagerOptions & SocketOptions> = {}) {
    const allOptions = {
      transports: ['websocket'],
      ...RECONNECT_OPTIONS,
      ...options,
      auth: { presenceKey: newPresenceKey(), ...(options.auth as object | undefined) },
    }
    // io('') does not mean "this origin": socket.io-client parses it as 'http://' (port 80) and only
    // reaches the page's host through engine.io fallbacks. With no url, io(options) uses location.
    this.socket = (url ? io(url, allOptions) : io(allOptions)) as GalleySocket
    this.socket.on('connect', this.onConnect)
    this.socket.on('connect_error', this.onConnectError)
    this.socket.on('disconnect', this.onDisconnect)
    this.socket.on(Events.y, this.onFrame)
    this.socket.on(Events.error, this.onServerError)
  }

  /** Opens an article: joins it now if connected, and again after every reconnect. */
  open(articleId: string, doc: Y.Doc = new Y.Doc()): ArticleSession {
    if (this.sessions.has(articleId)) throw new RangeError(`article ${articleId} is already open on this connection`)
    const session = new ArticleSession(articleId, doc)
    this.sessions.set(articleId, session)
    session.on('status', (status: SaveStatus) => {
      if (status.state === 'saved') this.resyncs.delete(articleId)
    })
    if (this.socket.connected) this.join(session)
    return session
  }

  /** Closes an article: tells the server and stops syncing it. */
  close(articleId: string): void {
    const session = this.sessions.get(articleId)
    if (!session) return
    this.sessions.delete(articleId)
    if (this.socket.connected) this.socket.emit(Events.leave, articleId)
    this.resyncs.delete(articleId)
    session.destroy()
  }

  /** Closes every article and the socket. */
  destroy(): void {
    for (const id of [...this.sessions.keys()]) this.close(id)
    this.socket.off('connect', this.onConnect)
    this.socket.off('connect_error', this.onConnectError)
    this.socket.off('disconnect', this.onDisconnect)
    this.socket.off(Events.y, this.onFrame)
    this.socket.off(Events.error, this.onServerError)
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    this.socket.disconnect()
  }

  /** FrameSender: one `y` with an ack. */
  send(articleId: string, bytes: Uint8Array, ack: (res: Response) => void): void {
    this.socket.emit(Events.y, articleId, bytes, ack)
  }

  /** FrameSender: join the article again after a growing, jittered delay. */
  resync(articleId: string): void {
    const attempt = this.resyncs.get(articleId) ?? 0
    this.resyncs.set(articleId, attempt + 1)
    setTimeout(() => {
      const session = this.sessions.get(articleId)
      if (session && this.socket.connected) this.join(session)
    }, backoffDelay(attempt))
  }

  private join(session: ArticleSession): void {
    session.connecting()
    this.socket.timeout(JOIN_TIMEOUT_MS).emit(Events.join, session.articleId, (err: Error | null, res: Response<JoinResult>) => {
      if (this.sessions.get(session.articleId) !== session) return
      if (err) {
        // Socket.IO fails pending acks when the socket drops: the reconnect rejoins, nothing to do.
        if (!this.socket.connected) return
        // No answer on a live socket: the connection is broken in a way Socket.IO has not noticed.
        session.detach()
        this.reconnect()
        return
      }
      if ('error' in res) {
        session.detach(res.error)
        return
      }
      if (res.protocolVersion !== PROTOCOL_VERSION) {
        session.detach({
          code: ErrorCode.badRequest,
          message: `server speaks protocol ${res.protocolVersion}, this client ${PROTOCOL_VERSION}: reload the page`,
        })
        return
      }
      this.serverDisconnects = 0
      session.attach(this, res)
    })
  }

  /** Drops the transport so the manager reconnects with its backoff and jitter. */
  private reconnect(): void {
    this.socket.io.engine?.close()
  }

  private onConnect = (): void => {
    // Every connect, recovered or not, rejoins and runs sync step 1 (P7).
    for (const session of this.sessions.values()) this.join(session)
  }

  private onConnectError = (): void => {
    // The server cannot be reached (first connect or a retry): say "offline", not "connecting" forever.
    // Socket.IO keeps retrying; the next connect rejoins every session.
    for (const session of this.sessions.values()) session.detach()
  }

  private onDisconnect = (reason: string): void => {
    for (const session of this.sessions.values()) session.detach()
    // Socket.IO does not reconnect by itself after the server closed the socket; we do, with backoff.
    if (reason === 'io server disconnect') {
      const delay = backoffDelay(this.serverDisconnects++)
      this.reconnectTimer = setTimeout(() => {
        this.reconnectTimer = null
        this.socket.connect()
      }, delay)
    }
  }

  private onFrame = (articleId: string, data: Uint8Array | ArrayBuffer): void => {
    const session = this.sessions.get(articleId)
    if (!session) return
    try {
      session.receive(data instanceof Uint8Array ? data : new Uint8Array(data))
    } catch (err) {
      // A frame we cannot read: resync from scratch rather than run on a doc that may lack it.
      console.error(`galley: could not apply a frame for ${articleId}`, err)
      this.reconnect()
    }
  }

  private onServerError = (event: ErrorEvent): void => {
    console.warn('galley: server error', event.articleId ?? '', event.error.code, event.error.message)
  }
}
