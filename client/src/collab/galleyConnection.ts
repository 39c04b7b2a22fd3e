import * as Y from 'yjs'
import { Observable } from 'lib0/observable'
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client'
import { isRole, type Role } from '../../../shared/auth/index.ts'
import {
  ErrorCode,
  Events,
  PROTOCOL_VERSION,
  type AccessEvent,
  type ClientToServerEvents,
  type Command,
  type ErrorBody,
  type ErrorEvent,
  type JoinResult,
  type Response,
  type ServerToClientEvents,
} from '../../../shared/protocol/index.ts'
import { sendCommand, type ArticleCommands, type CommandAnswer } from './articleCommands.ts'
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

/** Events a GalleyConnection emits. */
export interface GalleyConnectionEvents {
  /**
   * The server refused the handshake as `unauthorized` (no session, or it expired or was revoked).
   * The connection has stopped for good: sign in again and open a new one.
   */
  unauthorized: (error: ErrorBody) => void
}

/** What every open article is told when the server refuses this connection's session. */
const SIGNED_OUT: ErrorBody = { code: ErrorCode.unauthorized, message: 'you are signed out: sign in again' }

/** True for the `connect_error` of a handshake the server refused for want of a valid session. */
function isUnauthorized(err: Error & { data?: unknown }): boolean {
  const data = err.data as { code?: unknown } | undefined
  return err.message === ErrorCode.unauthorized || data?.code === ErrorCode.unauthorized
}

/**
 * One Socket.IO connection to a Galley server, carrying any number of open articles. The browser
 * sends the session cookie with the handshake; a refused handshake (`unauthorized`) stops the
 * connection instead of retrying, and says so with an `unauthorized` event.
 * Framework-free: the browser editor, tests and benchmarks all use it.
 */
export class GalleyConnection extends Observable<keyof GalleyConnectionEvents> implements FrameSender, ArticleCommands {
  readonly socket: GalleySocket
  private readonly sessions = new Map<string, ArticleSession>()
  /** The role the server last gave on each article, so reopening one while offline keeps its editor editable. */
  private readonly knownRoles = new Map<string, Role>()
  private stopped = false
  /** Consecutive resyncs per article, for their backoff; reset by a clean join. */
  private readonly resyncs = new Map<string, number>()
  private serverDisconnects = 0
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null

  /** `url` is the server's origin; '' or undefined means the page's own origin. */
  constructor(url?: string, options: Partial<ManagerOptions & SocketOptions> = {}) {
    super()
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
    this.socket.on(Events.access, this.onAccess)
    this.socket.on(Events.error, this.onServerError)
  }

  /** True once the server refused this connection's session: it will not connect again. */
  get signedOut(): boolean {
    return this.stopped
  }

  /** Opens an article: joins it now if connected, and again after every reconnect. */
  open(articleId: string, doc: Y.Doc = new Y.Doc()): ArticleSession {
    if (this.sessions.has(articleId)) throw new RangeError(`article ${articleId} is already open on this connection`)
    const session = new ArticleSession(articleId, doc, this.knownRoles.get(articleId) ?? null)
    this.sessions.set(articleId, session)
    session.on('status', (status: SaveStatus) => {
      if (status.state === 'saved') this.resyncs.delete(articleId)
    })
    if (this.stopped) session.detach(SIGNED_OUT)
    else if (this.socket.connected) this.join(session)
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
  override destroy(): void {
    for (const id of [...this.sessions.keys()]) this.close(id)
    this.socket.off('connect', this.onConnect)
    this.socket.off('connect_error', this.onConnectError)
    this.socket.off('disconnect', this.onDisconnect)
    this.socket.off(Events.y, this.onFrame)
    this.socket.off(Events.access, this.onAccess)
    this.socket.off(Events.error, this.onServerError)
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    this.socket.disconnect()
    super.destroy()
  }

  /** FrameSender: one `y` with an ack. */
  send(articleId: string, bytes: Uint8Array, ack: (res: Response) => void): void {
    this.socket.emit(Events.y, articleId, bytes, ack)
  }

  /**
   * ArticleCommands: sends a `command` (P14) for an article open on this connection and resolves
   * with the ack; never rejects (see sendCommand). An article that is not open answers `not-joined`.
   */
  command(articleId: string, command: Command): Promise<CommandAnswer> {
    if (!this.sessions.has(articleId)) {
      return Promise.resolve({ error: { code: ErrorCode.notJoined, message: 'This article is not open here: reload the page.' } })
    }
    return sendCommand(this.socket, articleId, command)
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
    // Removed from the article: the server left it for us; joining again would only be refused.
    if (session.accessRemoved || this.stopped) return
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
        if (res.error.code === ErrorCode.unauthorized) this.stop()
        else session.detach(res.error)
        return
      }
      if (!isRole(res.role)) {
        session.detach({ code: ErrorCode.badRequest, message: `the server gave an unknown role (${String(res.role)}): reload the page` })
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
      this.knownRoles.set(session.articleId, res.role)
      session.attach(this, res)
    })
  }

  /** Drops the transport so the manager reconnects with its backoff and jitter. */
  private reconnect(): void {
    if (this.stopped) return
    this.socket.io.engine?.close()
  }

  /** The server no longer accepts our session: stop for good (no reconnect loop), tell sessions and listeners. */
  private stop(): void {
    if (this.stopped) return
    this.stopped = true
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    this.reconnectTimer = null
    this.socket.disconnect()
    for (const session of this.sessions.values()) session.detach(SIGNED_OUT)
    this.emit('unauthorized', [SIGNED_OUT])
  }

  private onConnect = (): void => {
    // Every connect, recovered or not, rejoins and runs sync step 1 (P7).
    for (const session of this.sessions.values()) this.join(session)
  }

  private onConnectError = (err: Error): void => {
    // Refused for want of a session: retrying cannot help, signing in can.
    if (isUnauthorized(err)) {
      this.stop()
      return
    }
    // The server cannot be reached (first connect or a retry): say "offline", not "connecting" forever.
    // Socket.IO keeps retrying; the next connect rejoins every session.
    for (const session of this.sessions.values()) session.detach()
    // A refusal by the server's middleware (e.g. `rate-limited`: too many connections) is not retried
    // by Socket.IO (the socket is no longer active): we retry, with a growing delay.
    if (!this.socket.active && this.socket.io.reconnection()) this.reconnectLater()
  }

  /** Connects the socket again after a growing, jittered delay (unless stopped or already waiting). */
  private reconnectLater(): void {
    if (this.stopped || this.reconnectTimer) return
    const delay = backoffDelay(this.serverDisconnects++)
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null
      if (!this.stopped) this.socket.connect()
    }, delay)
  }

  private onDisconnect = (reason: string): void => {
    for (const session of this.sessions.values()) session.detach()
    // Socket.IO does not reconnect by itself after the server closed the socket; we do, with backoff.
    // (If the server closed it because the session ended, that reconnect's handshake is refused and stops.)
    if (reason === 'io server disconnect') this.reconnectLater()
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

  private onAccess = (event: AccessEvent): void => {
    if (typeof event !== 'object' || event === null || typeof event.articleId !== 'string') return
    if (event.role !== null && !isRole(event.role)) return
    if (event.role === null) this.knownRoles.delete(event.articleId)
    else this.knownRoles.set(event.articleId, event.role)
    this.sessions.get(event.articleId)?.setAccess(event.role)
  }

  private onServerError = (event: ErrorEvent): void => {
    console.warn('galley: server error', event.articleId ?? '', event.error.code, event.error.message)
  }
}
