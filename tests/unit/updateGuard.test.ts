import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { UpdateGuard } from '../../server/documents/updateGuard.ts'
import { ErrorCode } from '../../shared/protocol/index.ts'
import { baseDoc, corruptMergedUpdate } from '../fixtures/corruptUpdate.ts'

describe('UpdateGuard', () => {
  it('shows why it exists: Yjs applies part of this update, emits it, then throws', () => {
    const doc = baseDoc()
    const emitted: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => emitted.push(u))
    expect(() => Y.applyUpdate(doc, corruptMergedUpdate)).toThrow()
    expect(doc.getText('t').toString()).not.toBe('hello world')
    expect(emitted).toHaveLength(1)
  })

  it('[P8] refuses that update without touching the live document', () => {
    const live = baseDoc()
    const emitted: Uint8Array[] = []
    live.on('update', (u: Uint8Array) => emitted.push(u))
    const guard = new UpdateGuard(live)
    expect(() => guard.check(corruptMergedUpdate)).toThrow(expect.objectContaining({ code: ErrorCode.badUpdate }))
    expect(live.getText('t').toString()).toBe('hello world')
    expect(emitted).toHaveLength(0)
  })

  it('refuses bytes that are not an update, and passes good ones after a refusal', () => {
    const live = baseDoc()
    const guard = new UpdateGuard(live)
    expect(() => guard.check(new Uint8Array([1, 2, 3]))).toThrow(expect.objectContaining({ code: ErrorCode.badUpdate }))
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(live))
    const sv = Y.encodeStateVector(other)
    other.getText('t').insert(0, '> ')
    const good = Y.encodeStateAsUpdate(other, sv)
    expect(() => guard.check(good)).not.toThrow()
  })
})
