import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { ErrorCode, GalleyError } from './errorCodes.ts'

/**
 * y-websocket framing: the bytes of every `y` event. The first varUint says what follows:
 * 0 = a y-protocols/sync message (itself 0 = step 1, 1 = step 2, 2 = update), 1 = an awareness update.
 * These numbers are y-websocket's and y-protocols', so any Yjs client can speak the protocol.
 */
export const MessageType = { sync: 0, awareness: 1 } as const
/** The sync sub-types, as y-protocols/sync numbers them. */
export const SyncType = { step1: 0, step2: 1, update: 2 } as const

/** A decoded `y` payload. */
export type Frame =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }

function frame(type: number, sub: number | null, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  if (sub !== null) encoding.writeVarUint(encoder, sub)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

/** Frames sync step 1 carrying the sender's state vector. */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return frame(MessageType.sync, SyncType.step1, stateVector)
}

/** Frames sync step 2 carrying what the peer lacks. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return frame(MessageType.sync, SyncType.step2, update)
}

/** Frames an incremental document update. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  return frame(MessageType.sync, SyncType.update, update)
}

/** Frames an awareness update (as y-protocols/awareness encodes it). */
export function encodeAwareness(update: Uint8Array): Uint8Array {
  return frame(MessageType.awareness, null, update)
}

/**
 * Decodes one `y` payload. Throws a GalleyError with code `bad-frame` for anything that is not
 * exactly one well-formed frame (unknown type, truncated, trailing bytes).
 */
export function decodeFrame(bytes: Uint8Array): Frame {
  if (!(bytes instanceof Uint8Array)) throw new GalleyError(ErrorCode.badFrame, 'expected binary data')
  try {
    const decoder = decoding.createDecoder(bytes)
    const type = decoding.readVarUint(decoder)
    let result: Frame
    if (type === MessageType.sync) {
      const sub = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (sub === SyncType.step1) result = { kind: 'sync-step1', stateVector: payload }
      else if (sub === SyncType.step2) result = { kind: 'sync-step2', update: payload }
      else if (sub === SyncType.update) result = { kind: 'update', update: payload }
      else throw new GalleyError(ErrorCode.badFrame, `unknown sync message type ${sub}`)
    } else if (type === MessageType.awareness) {
      result = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) }
    } else {
      throw new GalleyError(ErrorCode.badFrame, `unknown message type ${type}`)
    }
    if (decoding.hasContent(decoder)) throw new GalleyError(ErrorCode.badFrame, 'trailing bytes after the frame')
    return result
  } catch (err) {
    if (err instanceof GalleyError) throw err
    throw new GalleyError(ErrorCode.badFrame, 'truncated or malformed frame')
  }
}
