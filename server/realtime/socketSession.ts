import * as Y from 'yjs'
import type { Logger } from 'pino'
import { RateLimiterRes, type RateLimiterMemory } from 'rate-limiter-flexible'
import type { Socket } from 'socket.io'
import { Capability, can, capabilitiesOf, type Role } from '../../shared/auth/index.ts'
import {
  ErrorCode,
  Events,
  GalleyError,
  PROTOCOL_VERSION,
  decodeFrame,
  encodeSyncStep1,
  encodeSyncStep2,
  type ClientToServerEvents,
  type CommandResult,
  type ErrorBody,
  type JoinResult,
  type YAck,
  type Response,
  type ServerToClientEvents,
} from '../../shared/protocol/index.ts'
import type { AccessService } from '../access/accessService.ts'
import type { AuditLog } from '../accounts/auditLog.ts'
import { runCommand } from '../commands/runCommand.ts'
import { updateEffect } from '../documents/authorship.ts'
import type { DocumentRegistry } from '../documents/documentRegistry.ts'
import type { LiveDocument } from '../documents/liveDocument.ts'
import { clientOrigin } from '../documents/origins.ts'
import { applySocketAwareness, ensureAwarenessRelay, fullAwarenessFrame, removeSocketAwareness } from './awarenessRelay.ts'
import { socketPrincipal } from './handshake.ts'
import { articleRoom, type GalleyIo } from './roomName.ts'
import type { UpdateBroadcaster } from './updateBroadcaster.ts'

export type GalleyServerSocket = Socket<ClientToServerEvents, ServerToClientEvents>

export interface SocketSessionDeps {
  io: GalleyIo
  registry: DocumentRegistry
  access: AccessService
  audit: AuditLog
  logger: Logger
  maxMessageBytes: number
  /** Counts every `y` and `command` per socket (P15). */
  messageLimiter: RateLimiterMemory
  broadcaster: UpdateBroadcaster
}

/** A refused write is audited at most once per socket and article in this time, so a hostile client cannot flood the log. */
const AUDIT_REFUSAL_EVERY_MS = 60_000

/**
 * A socket that sends this many malformed messages is disconnected: it is broken or hostile.
 * Refusals that are not the sender's fault (storage failures, unknown ids, presence conflicts) do not count.
 */
const MAX_BAD_MESSAGES = 100
const BAD_INPUT: ReadonlySet<ErrorCode> = new Set([ErrorCode.badFrame, ErrorCode.badUpdate, ErrorCode.tooLarge, ErrorCode.badRequest])
/** A per-tab presence key from the handshake (`auth.presenceKey`): random, url-safe, 8–64 characters. */
const PRESENCE_KEY = /^[A-Za-z0-9_-]{8,64}$/

/** Maps anything thrown in a handler to the error a client may see; unexpected errors are logged. */
function toErrorBody(err: unknown, logger: Logger, context: object): ErrorBody {
  if (err instanceof GalleyError) return { code: err.code, message: err.message }
  logger.error({ err, ...context }, 'socket handler failed')
  return { code: ErrorCode.internal, message: 'internal error; the change was not applied' }
}

/**
 * Serves one socket: join/leave articles, sync, updates, awareness (docs/protocol.md). Every handler
 * is wrapped so that nothing a client sends can throw out of it or leave a rejection unhandled.
 */
export function serveSocket(socket: GalleyServerSocket, deps: SocketSessionDeps): void {
  const { io, registry, access, audit, logger, maxMessageBytes, messageLimiter, broadcaster } = deps
  const principal = socketPrincipal(socket)
  const userId = principal.user.id
  const expiresAtMs = Date.parse(principal.expiresAt)
  /** Joined articles and the user's current role on each (kept current by roleChanged). */
  const joined = new Map<string, { live: LiveDocument; role: Role }>()
  const lastRefusalAudit = new Map<string, number>()
  /** Joins still loading their document; a `leave` meanwhile cancels them (P5). */
  const joining = new Map<string, { cancelled: boolean }>()
  const auth = socket.handshake.auth as { presenceKey?: unknown } | undefined
  const owner = {
    socketId: socket.id,
    name: principal.user.name,
    // Scoped to the user: knowing another user's key gives no power over their presence.
    presenceKey: `${userId}:${typeof auth?.presenceKey === 'string' && PRESENCE_KEY.test(auth.presenceKey) ? auth.presenceKey : socket.id}`,
  }
  let badMessages = 0

  function reply(ack: unknown, articleId: string | undefined, res: Response): void {
    if (typeof ack === 'function') {
      ;(ack as YAck)(res)
    } else if ('error' in res) {
      socket.emit(Events.error, { ...(articleId !== undefined ? { articleId } : {}), error: res.error })
    }
    if ('error' in res && BAD_INPUT.has(res.error.code) && ++badMessages > MAX_BAD_MESSAGES) {
      logger.warn({ socketId: socket.id }, 'disconnecting a socket that keeps sending malformed messages')
      socket.disconnect(true)
    }
  }

  /** A handler's result: the ack, and optionally what to send right after the ack. */
  type Outcome = Response | { response: Response; after: () => void }

  function handle(event: string, fn: (articleId: string, payload: unknown) => Promise<Outcome> | Outcome) {
    return (articleId: unknown, payload?: unknown, ack?: unknown) => {
      // `join` has no payload: its ack is the second argument.
      if (event === Events.join) {
        ack = payload
        payload = undefined
      }
      const id = typeof articleId === 'string' ? articleId : undefined
      Promise.resolve()
        .then(async () => {
          if (Date.now() >= expiresAtMs) {
            socket.disconnect(true)
            throw new GalleyError(ErrorCode.unauthorized, 'the session expired; sign in again')
          }
          if (event === Events.y || event === Events.command) await limit()
          if (id === undefined) throw new GalleyError(ErrorCode.badRequest, `${event}: the article id must be a string`)
          return fn(id, payload)
        })
        .then(
          (outcome) => {
            if ('response' in outcome) {
              reply(ack, id, outcome.response)
              outcome.after()
            } else {
              reply(ack, id, outcome)
            }
          },
          (err: unknown) => reply(ack, id, { error: toErrorBody(err, logger, { event, articleId: id, socketId: socket.id }) }),
        )
        .catch((err: unknown) => logger.error({ err, socketId: socket.id }, 'replying to a socket failed'))
    }
  }

  async function limit(): Promise<void> {
    try {
      await messageLimiter.consume(socket.id)
    } catch (res) {
      if (res instanceof RateLimiterRes) {
        throw new GalleyError(ErrorCode.rateLimited, `too many messages; slow down for ${Math.ceil(res.msBeforeNext / 1000)} s (the change is kept and sent again)`)
      }
      throw res
    }
  }

  /** Audits a refused write (throttled) and returns the error to send. */
  function refused(articleId: string, err: GalleyError): GalleyError {
    const now = Date.now()
    if (now - (lastRefusalAudit.get(articleId) ?? 0) >= AUDIT_REFUSAL_EVERY_MS) {
      lastRefusalAudit.set(articleId, now)
      audit.record('write-refused', { actorId: userId, articleId }, { reason: err.message, socketId: socket.id })
    }
    return err
  }

  async function join(articleId: string): Promise<{ response: Response<JoinResult>; after: () => void }> {
    const attempt = { cancelled: false }
    joining.set(articleId, attempt)
    let live: LiveDocument
    let role: Role | null
    try {
      role = await access.roleOf(articleId, userId)
      if (role === null) throw new GalleyError(ErrorCode.notFound, 'no such article')
      live = await registry.acquire(articleId, socket.id)
    } finally {
      if (joining.get(articleId) === attempt) joining.delete(articleId)
    }
    if (attempt.cancelled || socket.disconnected) {
      if (!joined.has(articleId)) registry.release(articleId, socket.id)
      throw new GalleyError(ErrorCode.unavailable, 'left or disconnected while joining')
    }
    const entry = { live, role }
    joined.set(articleId, entry)
    ensureAwarenessRelay(io, live)
    await socket.join(articleRoom(articleId))
    // P3: the ack first, then our step 1, then everyone's presence.
    return {
      response: { ok: true, protocolVersion: PROTOCOL_VERSION, maxMessageBytes, role, capabilities: capabilitiesOf(role) },
      after() {
        if (joined.get(articleId) !== entry) return
        socket.emit(Events.y, articleId, encodeSyncStep1(Y.encodeStateVector(live.doc)))
        const presence = fullAwarenessFrame(live)
        if (presence) socket.emit(Events.y, articleId, presence)
      },
    }
  }

  function leave(articleId: string): void {
    const pending = joining.get(articleId)
    if (pending) {
      pending.cancelled = true
      joining.delete(articleId)
    }
    const live = joined.get(articleId)?.live
    if (!live) return
    joined.delete(articleId)
    void socket.leave(articleRoom(articleId))
    removeSocketAwareness(live, owner.socketId)
    registry.release(articleId, socket.id)
  }

  async function y(articleId: string, payload: unknown): Promise<Response> {
    const entry = joined.get(articleId)
    if (!entry) throw new GalleyError(ErrorCode.notJoined, `join article ${articleId} before sending to it`)
    const { live } = entry
    if (!(payload instanceof Uint8Array)) throw new GalleyError(ErrorCode.badFrame, 'expected binary data')
    if (payload.length > maxMessageBytes) {
      throw new GalleyError(ErrorCode.tooLarge, `message of ${payload.length} bytes is over the limit of ${maxMessageBytes}`)
    }
    const frame = decodeFrame(payload)
    switch (frame.kind) {
      case 'sync-step1': {
        let update: Uint8Array
        try {
          update = Y.encodeStateAsUpdate(live.doc, frame.stateVector)
        } catch {
          throw new GalleyError(ErrorCode.badUpdate, 'the state vector does not decode')
        }
        socket.emit(Events.y, articleId, encodeSyncStep2(update))
        return { ok: true }
      }
      case 'sync-step2':
      case 'update': {
        if (!can(entry.role, Capability.writeBody)) {
          // A read-only client's sync reply repeats what the server has: accept that as a no-op;
          // anything new is refused, never applied or stored (A4).
          const effect = updateEffect(live.doc, frame.update, true)
          if (effect.newClients.size > 0 || effect.deletesSomething) {
            throw refused(articleId, new GalleyError(ErrorCode.forbidden, `a ${entry.role} may not change the body or the metadata`))
          }
          return { ok: true }
        }
        try {
          await registry.applyClientUpdate(live, frame.update, clientOrigin(socket.id, userId))
        } catch (err) {
          if (err instanceof GalleyError && err.code === ErrorCode.forbidden) throw refused(articleId, err)
          throw err
        }
        // The ack (P9) rides with the article's next broadcast when that brings this socket changes (P10).
        broadcaster.holdUntilNextBroadcast(live, socket.id, socket.conn)
        return { ok: true }
      }
      case 'awareness':
        applySocketAwareness(live, owner, frame.update)
        return { ok: true }
    }
  }

  async function command(articleId: string, payload: unknown): Promise<Response<CommandResult>> {
    const entry = joined.get(articleId)
    if (!entry) throw new GalleyError(ErrorCode.notJoined, `join article ${articleId} before sending to it`)
    try {
      const result = await runCommand(registry, entry.live, { author: { id: userId, name: principal.user.name }, role: entry.role }, payload)
      return { ok: true, ...result }
    } catch (err) {
      if (err instanceof GalleyError && err.code === ErrorCode.forbidden) throw refused(articleId, err)
      throw err
    }
  }

  /** A role change from a member manager: takes effect at once; a removed member leaves the article (A6). */
  function onRoleChanged(articleId: string, changedUserId: string, role: Role | null): void {
    if (changedUserId !== userId) return
    const entry = joined.get(articleId)
    if (!entry && !joining.has(articleId)) return
    if (role === null) leave(articleId)
    else if (entry) entry.role = role
    socket.emit(Events.access, { articleId, role, capabilities: role ? capabilitiesOf(role) : [] })
  }
  access.events.on('roleChanged', onRoleChanged)

  socket.on('error', (err) => logger.warn({ err, socketId: socket.id }, 'socket error'))
  socket.on(Events.join, handle(Events.join, join))
  socket.on(Events.leave, handle(Events.leave, (articleId) => {
    leave(articleId)
    return { ok: true }
  }))
  socket.on(Events.y, handle(Events.y, y))
  socket.on(Events.command, handle(Events.command, command))
  socket.on('disconnect', () => {
    access.events.off('roleChanged', onRoleChanged)
    for (const articleId of [...joined.keys(), ...joining.keys()]) leave(articleId)
  })
}
