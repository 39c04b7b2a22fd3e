import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { describe, expect, it } from 'vitest'
import { decodeFrame, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, ErrorCode, GalleyError } from '../../shared/protocol/index.ts'

function yProtocolsFrame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  write(e)
  return encoding.toUint8Array(e)
}

describe('y-websocket framing', () => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, 'hi')
  const update = Y.encodeStateAsUpdate(doc)
  const sv = Y.encodeStateVector(doc)

  it('is byte-identical to what y-protocols writes', () => {
    expect(encodeSyncStep1(sv)).toEqual(yProtocolsFrame((e) => syncProtocol.writeSyncStep1(e, doc)))
    expect(encodeUpdate(update)).toEqual(yProtocolsFrame((e) => syncProtocol.writeUpdate(e, update)))
    expect(encodeSyncStep2(update)).toEqual(yProtocolsFrame((e) => syncProtocol.writeSyncStep2(e, doc)))
  })

  it('round-trips every frame kind', () => {
    expect(decodeFrame(encodeSyncStep1(sv))).toEqual({ kind: 'sync-step1', stateVector: sv })
    expect(decodeFrame(encodeSyncStep2(update))).toEqual({ kind: 'sync-step2', update })
    expect(decodeFrame(encodeUpdate(update))).toEqual({ kind: 'update', update })
    expect(decodeFrame(encodeAwareness(new Uint8Array([1, 2])))).toEqual({ kind: 'awareness', update: new Uint8Array([1, 2]) })
  })

  it.each([
    ['empty', new Uint8Array([])],
    ['unknown message type', new Uint8Array([7, 0])],
    ['unknown sync type', new Uint8Array([0, 9, 0])],
    ['truncated payload', new Uint8Array([0, 2, 10, 1, 2])],
    ['trailing bytes', Uint8Array.from([...encodeUpdate(update), 0])],
  ])('[P6] refuses a frame that is %s with bad-frame', (_name, bytes) => {
    let err: unknown
    try {
      decodeFrame(bytes)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(GalleyError)
    expect((err as GalleyError).code).toBe(ErrorCode.badFrame)
  })
})
