import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import {
  ErrorCode,
  Events,
  GalleyError,
  MAX_PRESENCE_STATE_BYTES,
  encodeAwareness,
  presenceStateProblem,
  type AwarenessChanges,
} from '../../shared/protocol/index.ts'
import type { LiveDocument } from '../documents/liveDocument.ts'
import { articleRoom, type GalleyIo } from './roomName.ts'

/** Origin of an awareness change made for a socket: its id, so the relay can skip it. */
interface SocketAwarenessOrigin {
  socketId: string
}

/**
 * Who may set an awareness state: the tab's presence key (from the handshake; the socket id when
 * none was given) and the socket it currently speaks through. A tab that reconnects keeps its key,
 * so it takes its own presence back; nobody else knows the key.
 */
export interface PresenceOwner {
  socketId: string
  presenceKey: string
  /** The account's name: the only display name this owner's presence may show (A11). */
  name: string
}

/** Which tab owns which awareness client ids, per live document. */
const utf8 = new TextEncoder()

const owners = new WeakMap<LiveDocument, Map<number, PresenceOwner>>()

/**
 * Starts relaying a live document's awareness changes to its room (P11), once per document.
 * A change goes to everyone but the socket it came from; removals for a departed socket go to all.
 */
export function ensureAwarenessRelay(io: GalleyIo, live: LiveDocument): void {
  if (owners.has(live)) return
  owners.set(live, new Map())
  live.awareness.on('update', ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
    const changed = [...added, ...updated, ...removed]
    if (changed.length === 0) return
    const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(live.awareness, changed))
    const sender = (origin as SocketAwarenessOrigin | null)?.socketId
    const room = io.to(articleRoom(live.id))
    ;(sender ? room.except(sender) : room).emit(Events.y, live.id, frame)
  })
}

/** The frame that tells a newcomer everyone's presence, or null when nobody has any. */
export function fullAwarenessFrame(live: LiveDocument): Uint8Array | null {
  const ids = [...live.awareness.getStates().keys()]
  return ids.length > 0 ? encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(live.awareness, ids)) : null
}

/**
 * Checks and applies a socket's awareness update. Refused with `bad-awareness`: a payload that does
 * not decode, a state that is not a small JSON object with a valid user, or a client id another
 * socket owns (nobody may move someone else's cursor or remove their presence).
 */
export function applySocketAwareness(live: LiveDocument, owner: PresenceOwner, update: Uint8Array): void {
  const owned = owners.get(live)
  if (!owned) throw new RangeError('applySocketAwareness before ensureAwarenessRelay')
  const entries: number[] = []
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      decoding.readVarUint(decoder) // clock
      const json = decoding.readVarString(decoder)
      if (utf8.encode(json).length > MAX_PRESENCE_STATE_BYTES) throw new GalleyError(ErrorCode.badAwareness, 'presence state too large')
      const state: unknown = JSON.parse(json)
      const problem = presenceStateProblem(state)
      if (problem) throw new GalleyError(ErrorCode.badAwareness, problem)
      const name = (state as { user?: { name?: string } } | null)?.user?.name
      if (name !== undefined && name !== owner.name) {
        throw new GalleyError(ErrorCode.badAwareness, 'user.name must be your account’s name')
      }
      const current = owned.get(clientId)
      if (current !== undefined && current.presenceKey !== owner.presenceKey) {
        throw new GalleyError(ErrorCode.badAwareness, `client id ${clientId} belongs to another connection`)
      }
      entries.push(clientId)
    }
    if (decoding.hasContent(decoder)) throw new GalleyError(ErrorCode.badAwareness, 'trailing bytes after the awareness update')
  } catch (err) {
    if (err instanceof GalleyError) throw err
    throw new GalleyError(ErrorCode.badAwareness, 'malformed awareness update')
  }
  for (const clientId of entries) owned.set(clientId, owner)
  const origin: SocketAwarenessOrigin = { socketId: owner.socketId }
  awarenessProtocol.applyAwarenessUpdate(live.awareness, update, origin)
  // A state set to null is a removal: the id is free again.
  for (const clientId of entries) if (!live.awareness.getStates().has(clientId)) owned.delete(clientId)
}

/** Removes every awareness state a socket owns in a document, for everyone, in one update. */
export function removeSocketAwareness(live: LiveDocument, socketId: string): void {
  const owned = owners.get(live)
  if (!owned) return
  const ids = [...owned].filter(([, owner]) => owner.socketId === socketId).map(([id]) => id)
  for (const id of ids) owned.delete(id)
  if (ids.length > 0) awarenessProtocol.removeAwarenessStates(live.awareness, ids, null)
}
