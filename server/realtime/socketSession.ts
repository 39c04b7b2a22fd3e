import * as Y from 'yjs'
import type { Logger } from 'pino'
import type { Socket } from 'socket.io'
import {
  ErrorCode,
  Events,
  GalleyError,
  PROTOCOL_VERSION,
  decodeFrame,
  encodeSyncStep1,
  encodeSyncStep2,
  isArticleId,
  type ClientToServerEvents,
  type ErrorBody,
  type JoinResult,
  type YAck,
  type Response,
  type ServerToClientEvents,
} from '../../shared/protocol/index.ts'
import type { DocumentRegistry } from '../documents/documentRegistry.ts'
import type { LiveDocument } from '../documents/liveDocument.ts'
import { clientOrigin } from '../documents/origins.ts'
import { applySocketAwareness, ensureAwarenessRelay, fullAwarenessFrame, removeSocketAwareness } from './awarenessRelay.ts'
import { articleRoom, type GalleyIo } from './roomName.ts'

export type GalleyServerSocket = Socket<ClientToServerEvents, ServerToClientEvents>

export interface SocketSessionDeps {
  io: GalleyIo
  registry: DocumentRegistry
  logger: Logger
  maxMessageBytes: number
}

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
  const { io, registry, logger, maxMessageBytes } = deps
  const joined = new Map<string, LiveDocument>()
  /** Joins still loading their document; a `leave` meanwhile cancels them (P5). */
  const joining = new Map<string, { cancelled: boolean }>()
  const auth = socket.handshake.auth as { presenceKey?: unknown } | undefined
  const owner = {
    socketId: socket.id,
    presenceKey: typeof auth?.presenceKey === 'string' && PRESENCE_KEY.test(auth.presenceKey) ? auth.presenceKey : socket.id,
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
        .then(() => {
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

  async function join(articleId: string): Promise<{ response: Response<JoinResult>; after: () => void }> {
    if (!isArticleId(articleId)) throw new GalleyError(ErrorCode.notFound, 'no such article')
    const attempt = { cancelled: false }
    joining.set(articleId, attempt)
    let live: LiveDocument
    try {
      live = await registry.acquire(articleId, socket.id)
    } finally {
      if (joining.get(articleId) === attempt) joining.delete(articleId)
    }
    if (attempt.cancelled || socket.disconnected) {
      if (!joined.has(articleId)) registry.release(articleId, socket.id)
      throw new GalleyError(ErrorCode.unavailable, 'left or disconnected while joining')
    }
    joined.set(articleId, live)
    ensureAwarenessRelay(io, live)
    await socket.join(articleRoom(articleId))
    // P3: the ack first, then our step 1, then everyone's presence.
    return {
      response: { ok: true, protocolVersion: PROTOCOL_VERSION, maxMessageBytes },
      after() {
        if (joined.get(articleId) !== live) return
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
    const live = joined.get(articleId)
    if (!live) return
    joined.delete(articleId)
    void socket.leave(articleRoom(articleId))
    removeSocketAwareness(live, owner.socketId)
    registry.release(articleId, socket.id)
  }

  async function y(articleId: string, payload: unknown): Promise<Response> {
    const live = joined.get(articleId)
    if (!live) throw new GalleyError(ErrorCode.notJoined, `join article ${articleId} before sending to it`)
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
      case 'update':
        await registry.applyClientUpdate(live, frame.update, clientOrigin(socket.id))
        return { ok: true }
      case 'awareness':
        applySocketAwareness(live, owner, frame.update)
        return { ok: true }
    }
  }

  socket.on('error', (err) => logger.warn({ err, socketId: socket.id }, 'socket error'))
  socket.on(Events.join, handle(Events.join, join))
  socket.on(Events.leave, handle(Events.leave, (articleId) => {
    leave(articleId)
    return { ok: true }
  }))
  socket.on(Events.y, handle(Events.y, y))
  socket.on('disconnect', () => {
    for (const articleId of [...joined.keys(), ...joining.keys()]) leave(articleId)
  })
}
