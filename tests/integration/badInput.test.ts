import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { bodyPlainText, readMeta } from '../../shared/article/index.ts'
import { ErrorCode, encodeUpdate } from '../../shared/protocol/index.ts'
import { baseUpdate, corruptMergedUpdate } from '../fixtures/corruptUpdate.ts'
import { appendParagraph } from '../helpers/docBuilders.ts'
import { eventually } from '../helpers/eventually.ts'
import { ProtocolClient, joinedClient } from '../helpers/protocolClient.ts'
import { createArticle, startServer, type TestServer } from '../helpers/testServer.ts'

const MAX = 100_000

/** A server with one article, a well-behaved editor typing in it, and the stored state to compare. */
async function setup(): Promise<{ server: TestServer; id: string; editor: ProtocolClient }> {
  const server = await startServer({ maxMessageBytes: MAX })
  const id = await createArticle(server.url, { text: 'Start.' })
  const editor = await joinedClient(server.url, id)
  return { server, id, editor }
}


/** The editor keeps editing and a newcomer sees exactly the editor's text (nothing else changed). */
async function stillHealthy(server: TestServer, id: string, editor: ProtocolClient, marker: string): Promise<void> {
  appendParagraph(editor.doc(id), marker)
  const acks = await editor.flush()
  expect(acks.every((r) => 'ok' in r)).toBe(true)
  const observer = await joinedClient(server.url, id)
  expect(bodyPlainText(observer.doc(id))).toBe(bodyPlainText(editor.doc(id)))
  expect(bodyPlainText(observer.doc(id))).toContain(marker)
  const health = await fetch(`${server.url}/healthz`)
  expect(health.status).toBe(200)
}

describe('bad input gets an error and changes nothing', () => {
  it('[P6] a malformed frame is refused with bad-frame', async () => {
    const { server, id, editor } = await setup()
    const bad = await joinedClient(server.url, id)
    for (const bytes of [new Uint8Array([]), new Uint8Array([9, 9, 9]), new Uint8Array([0, 2, 200])]) {
      expect(await bad.sendFrame(id, bytes)).toMatchObject({ error: { code: ErrorCode.badFrame } })
    }
    await stillHealthy(server, id, editor, 'after bad frames')
  })

  it('[P6] a payload that is not binary is refused', async () => {
    const { server, id, editor } = await setup()
    const bad = await joinedClient(server.url, id)
    for (const payload of ['text', 42, { a: 1 }, null]) {
      const res = await bad.socket.emitWithAck('y', id, payload)
      expect(res).toMatchObject({ error: { code: ErrorCode.badFrame } })
    }
    await stillHealthy(server, id, editor, 'after non-binary payloads')
  })

  it('[P8] an update Yjs cannot apply is refused, and its valid half is not applied or broadcast either', async () => {
    const { server, id, editor } = await setup()
    const bad = await joinedClient(server.url, id)
    // The corrupt update is made against text `t` holding "hello world" from client 1: put that there first.
    expect(await bad.sendFrame(id, encodeUpdate(baseUpdate()))).toEqual({ ok: true })
    await eventually(() => expect(editor.doc(id).getText('t').toString()).toBe('hello world'))
    expect(await bad.sendFrame(id, encodeUpdate(corruptMergedUpdate))).toMatchObject({ error: { code: ErrorCode.badUpdate } })
    expect(await bad.sendFrame(id, encodeUpdate(new Uint8Array([5, 4, 3, 2, 1])))).toMatchObject({
      error: { code: ErrorCode.badUpdate },
    })
    await stillHealthy(server, id, editor, 'after bad updates')
    expect(editor.doc(id).getText('t').toString()).toBe('hello world')
    const live = server.app.registry.peek(id)!
    expect(live.doc.getText('t').toString()).toBe('hello world')
    // …and after a restart, the stored document has no trace of it either.
    editor.close()
    bad.close()
    await server.close()
    const again = await startServer({ dataDir: server.config.dataDir })
    const reader = await joinedClient(again.url, id)
    expect(reader.doc(id).getText('t').toString()).toBe('hello world')
  })

  it('[P8] an update that replaces or deletes the server-created metadata types is refused', async () => {
    const { server, id, editor } = await setup()
    const bad = await joinedClient(server.url, id)
    const meta = (doc: Y.Doc) => doc.getMap('meta')
    meta(editor.doc(id)).get('headline') // the real Y.Text
    const attempts: Array<(m: Y.Map<unknown>) => void> = [
      (m) => m.set('headline', 42),
      (m) => m.set('headline', new Y.Text('forged')),
      (m) => m.delete('tags'),
      (m) => m.set('datelineDate', 20220106),
    ]
    for (const attempt of attempts) {
      const scratch = new Y.Doc()
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(bad.doc(id)))
      const sv = Y.encodeStateVector(scratch)
      attempt(meta(scratch))
      const res = await bad.sendFrame(id, encodeUpdate(Y.encodeStateAsUpdate(scratch, sv)))
      expect(res).toMatchObject({ error: { code: ErrorCode.badUpdate } })
    }
    // Editing inside the fields is of course fine.
    const scratch = new Y.Doc()
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(bad.doc(id)))
    const sv = Y.encodeStateVector(scratch)
    ;(meta(scratch).get('headline') as Y.Text).insert(0, 'Fine headline')
    meta(scratch).set('datelineDate', '2022-01-06')
    expect(await bad.sendFrame(id, encodeUpdate(Y.encodeStateAsUpdate(scratch, sv)))).toEqual({ ok: true })
    await stillHealthy(server, id, editor, 'after meta attacks')
    expect(readMeta(server.app.registry.peek(id)!.doc)).toMatchObject({ headline: 'Fine headline', datelineDate: '2022-01-06' })
  })

  it('[P12] an oversized message is refused with too-large and the socket stays connected', async () => {
    const { server, id, editor } = await setup()
    const bad = await joinedClient(server.url, id)
    const big = new Y.Doc()
    big.getText('t').insert(0, 'x'.repeat(MAX + 10))
    expect(await bad.sendFrame(id, encodeUpdate(Y.encodeStateAsUpdate(big)))).toMatchObject({
      error: { code: ErrorCode.tooLarge },
    })
    expect(bad.socket.connected).toBe(true)
    await stillHealthy(server, id, editor, 'after an oversized message')
    expect(server.app.registry.peek(id)!.doc.getText('t').toString()).toBe('')
  })

  it('[P3] an unknown or malformed article id is refused with not-found', async () => {
    const { server, id, editor } = await setup()
    const bad = new ProtocolClient(server.url)
    expect(await bad.join('doesNotExist123')).toMatchObject({ error: { code: ErrorCode.notFound } })
    expect(await bad.join('../../etc/passwd')).toMatchObject({ error: { code: ErrorCode.notFound } })
    const res = await bad.socket.emitWithAck('join', { not: 'a string' })
    expect(res).toMatchObject({ error: { code: ErrorCode.badRequest } })
    await stillHealthy(server, id, editor, 'after unknown ids')
  })

  it('[P4] a y before join is refused with not-joined; without an ack it gets an error event', async () => {
    const { server, id, editor } = await setup()
    const bad = new ProtocolClient(server.url)
    await bad.connected()
    const doc = new Y.Doc()
    appendParagraph(doc, 'sneaky')
    expect(await bad.socket.emitWithAck('y', id, encodeUpdate(Y.encodeStateAsUpdate(doc)))).toMatchObject({
      error: { code: ErrorCode.notJoined },
    })
    bad.socket.emit('y', id, encodeUpdate(Y.encodeStateAsUpdate(doc)))
    await eventually(() => expect(bad.errors).toEqual([{ articleId: id, error: expect.objectContaining({ code: ErrorCode.notJoined }) }]))
    await stillHealthy(server, id, editor, 'after y before join')
    expect(bodyPlainText(editor.doc(id))).not.toContain('sneaky')
  })

  it('[P13] a socket that keeps sending garbage is disconnected; the server stays up', async () => {
    const { server, id, editor } = await setup()
    const bad = await joinedClient(server.url, id)
    for (let i = 0; i < 120; i++) bad.socket.emit('y', id, new Uint8Array([9]))
    await eventually(() => expect(bad.socket.connected).toBe(false))
    await stillHealthy(server, id, editor, 'after a flood of garbage')
  })

  it('a message far beyond the transport limit closes only that connection', async () => {
    const { server, id, editor } = await setup()
    const bad = await joinedClient(server.url, id)
    bad.socket.emit('y', id, new Uint8Array(MAX + 200_000))
    await eventually(() => expect(bad.socket.connected).toBe(false))
    await stillHealthy(server, id, editor, 'after a huge message')
  })
})
