import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { bodyPlainText, readMeta } from '../../shared/article/index.ts'
import { appendParagraph } from '../helpers/docBuilders.ts'
import { eventually } from '../helpers/eventually.ts'
import { ProtocolClient, joinedClient } from '../helpers/protocolClient.ts'
import { createArticle, startServer } from '../helpers/testServer.ts'


/** The body text of a document as storage holds it (snapshot and log), as a restart would load it. */
function storedText(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): string {
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return bodyPlainText(doc)
}

/** Two clients in one article whose broadcast interval has just started, with a's first change. */
async function intervalStarted(broadcastIntervalMs: number) {
  const server = await startServer({ broadcastIntervalMs })
  const id = await createArticle(server.url, { text: 'x.' })
  const a = await joinedClient(server.url, id)
  const b = await joinedClient(server.url, id)
  appendParagraph(a.doc(id), 'first')
  await a.flush()
  await eventually(() => expect(bodyPlainText(b.doc(id))).toContain('first'))
  return { server, id, a, b }
}

/**
 * The same, and b's change came within the interval: the article's next broadcast is due and holds
 * it, so an ack a gets now is held for that broadcast (P9).
 */
async function broadcastDueWithChangeFromB(broadcastIntervalMs: number) {
  const started = await intervalStarted(broadcastIntervalMs)
  const { server, id, b } = started
  appendParagraph(b.doc(id), 'from b')
  const live = server.app.registry.peek(id)!
  await eventually(() => expect(bodyPlainText(live.doc)).toContain('from b'))
  return started
}

/** Two articles at one broadcast interval, and clients a and b each joined to and synced with both. */
async function twoArticlesBothJoined(broadcastIntervalMs: number, firstText: string, secondText: string) {
  const server = await startServer({ broadcastIntervalMs })
  const first = await createArticle(server.url, { text: firstText })
  const second = await createArticle(server.url, { text: secondText })
  const join = async () => {
    const client = await joinedClient(server.url, first)
    await client.join(second)
    await client.whenSynced(second)
    return client
  }
  const a = await join()
  const b = await join()
  return { server, first, second, a, b }
}

describe('sync', () => {
  it('[P3][P7] a joiner receives the seeded article; the seed is never duplicated on re-join', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: 'date 2022-01-06 First paragraph.\n\nSecond one.\n\nImage: AP' })
    const a = await joinedClient(server.url, id)
    expect(bodyPlainText(a.doc(id))).toBe('First paragraph.\n\nSecond one.')
    expect(readMeta(a.doc(id)).datelineDate).toBe('2022-01-06')
    a.close()
    // Reconnect with the same doc: state merges, nothing doubles.
    const b = new ProtocolClient(server.url)
    await b.join(id, a.doc(id))
    await b.whenSynced(id)
    await b.flush()
    const c = await joinedClient(server.url, id)
    expect(bodyPlainText(c.doc(id))).toBe('First paragraph.\n\nSecond one.')
  })

  it('a late joiner receives the full state, and everyone converges', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { headline: 'Late' })
    const a = await joinedClient(server.url, id)
    const b = await joinedClient(server.url, id)
    appendParagraph(a.doc(id), 'from a')
    appendParagraph(b.doc(id), 'from b')
    await Promise.all([a.flush(), b.flush()])
    const late = await joinedClient(server.url, id)
    await eventually(() => {
      const texts = [a, b, late].map((c) => bodyPlainText(c.doc(id)))
      expect(new Set(texts).size).toBe(1)
      expect(texts[0]).toContain('from a')
      expect(texts[0]).toContain('from b')
    })
  })

  it('[P9] acks only stored updates: a restarted server on the same DATA_DIR serves identical content', async () => {
    const first = await startServer()
    const id = await createArticle(first.url, { text: 'One.\n\nTwo.' })
    const a = await joinedClient(first.url, id)
    for (let i = 0; i < 50; i++) appendParagraph(a.doc(id), `line ${i}`)
    const acks = await a.flush()
    expect(acks.every((r) => 'ok' in r)).toBe(true)
    const before = Y.encodeStateAsUpdate(a.doc(id))
    a.close()
    await first.close()
    const second = await startServer({ dataDir: first.config.dataDir })
    const b = await joinedClient(second.url, id)
    expect(bodyPlainText(b.doc(id))).toBe(bodyPlainText(a.doc(id)))
    const fresh = new Y.Doc()
    Y.applyUpdate(fresh, before)
    expect(Y.encodeStateVector(b.doc(id))).toEqual(Y.encodeStateVector(fresh))
  })

  it('one socket can open several articles', async () => {
    const server = await startServer()
    const ids = [await createArticle(server.url, { text: 'Alpha.' }), await createArticle(server.url, { text: 'Beta.' })]
    const client = new ProtocolClient(server.url)
    for (const id of ids) await client.join(id)
    await Promise.all(ids.map((id) => client.whenSynced(id)))
    expect(ids.map((id) => bodyPlainText(client.doc(id)))).toEqual(['Alpha.', 'Beta.'])
  })

  it('[P10] the sender does not get its own update back; others do', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: 'x.' })
    const a = await joinedClient(server.url, id)
    const b = await joinedClient(server.url, id)
    const framesToA: number[] = []
    a.socket.on('y', (_id: string, bytes: ArrayBuffer) => framesToA.push(new Uint8Array(bytes)[0]!))
    appendParagraph(a.doc(id), 'hello')
    await a.flush()
    await eventually(() => expect(bodyPlainText(b.doc(id))).toContain('hello'))
    expect(framesToA).toEqual([])
  })

  it('[P11] presence is relayed, validated, and removed for everyone when a socket closes', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: 'x.' })
    const a = await joinedClient(server.url, id)
    const b = await joinedClient(server.url, id)
    expect(await a.setPresence(id, { user: { name: 'Test Editor', color: '#123456' }, cursor: null })).toEqual({ ok: true })
    const aId = a.awareness.get(id)!.clientID
    await eventually(() => expect(b.awareness.get(id)!.getStates().get(aId)).toMatchObject({ user: { name: 'Test Editor' } }))
    // A late joiner gets everyone's presence on join.
    const c = await joinedClient(server.url, id)
    await eventually(() => expect(c.awareness.get(id)!.getStates().has(aId)).toBe(true))
    // Markup-free, bounded fields only.
    const bad = await b.setPresence(id, { user: { name: 'Test Editor', color: 'red;background:url(x)' } })
    expect(bad).toMatchObject({ error: { code: 'bad-awareness' } })
    a.close()
    await eventually(() => {
      expect(b.awareness.get(id)!.getStates().has(aId)).toBe(false)
      expect(c.awareness.get(id)!.getStates().has(aId)).toBe(false)
    })
  })

  it('[P11] nobody can change or remove another connection’s presence', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: 'x.' })
    const a = await joinedClient(server.url, id)
    const b = await joinedClient(server.url, id)
    await a.setPresence(id, { user: { name: 'Test Editor', color: '#123456' } })
    // b forges an awareness update in a's client id.
    const forged = b.awareness.get(id)!
    const aId = a.awareness.get(id)!.clientID
    const { encodeAwarenessUpdate, Awareness } = await import('y-protocols/awareness')
    const fake = new Awareness(new Y.Doc())
    fake.clientID = aId
    fake.setLocalState({ user: { name: 'Mallory', color: '#000000' } })
    fake.setLocalState({ user: { name: 'Mallory', color: '#000001' } })
    const { encodeAwareness } = await import('../../shared/protocol/index.ts')
    const res = await b.sendFrame(id, encodeAwareness(encodeAwarenessUpdate(fake, [aId])))
    expect(res).toMatchObject({ error: { code: 'bad-awareness' } })
    await eventually(() => expect(forged.getStates().get(aId)).toMatchObject({ user: { name: 'Test Editor' } }))
    fake.destroy()
  })

  it('[P5] a leave that arrives while the join is still loading cancels it', async () => {
    const server = await startServer({ idleUnloadMs: 20 })
    const id = await createArticle(server.url, { text: 'Quick visit.' })
    const client = new ProtocolClient(server.url)
    await client.connected()
    const join = client.socket.emitWithAck('join', id)
    client.socket.emit('leave', id)
    expect(await join).toMatchObject({ error: { code: 'unavailable' } })
    const socket = [...server.app.io.sockets.sockets.values()][0]!
    expect(socket.rooms.has(`article:${id}`)).toBe(false)
    await eventually(() => expect(server.app.registry.peek(id)).toBeUndefined())
  })

  it('[P10] with BROADCAST_INTERVAL_MS, updates arriving within the interval go out as one merged frame', async () => {
    const { id, a, b } = await intervalStarted(1000)
    let frames = 0
    b.socket.on('y', () => frames++)
    // Five updates, each sent only after the one before was acked, so each arrives in a turn of its
    // own: without the interval they would be five broadcasts.
    for (let i = 0; i < 5; i++) {
      appendParagraph(a.doc(id), `paced ${i}`)
      await a.flush()
    }
    await eventually(() => expect(bodyPlainText(b.doc(id))).toBe(bodyPlainText(a.doc(id))))
    expect(frames).toBeLessThanOrEqual(2)
  })

  it('[P10] the interval is per article: a quiet article is not held back by a busy one', async () => {
    const { first: busy, second: quiet, a: writer, b: reader } = await twoArticlesBothJoined(2000, 'busy.', 'quiet.')
    const seen: string[] = []
    for (const [name, id] of [['busy', busy], ['quiet', quiet]] as const) {
      reader.doc(id).on('update', () => seen.push(`${name}: ${bodyPlainText(reader.doc(id))}`))
    }
    appendParagraph(writer.doc(busy), 'first')
    await writer.flush()
    await eventually(() => expect(bodyPlainText(reader.doc(busy))).toContain('first'))
    // Busy's interval runs now: its next change waits. Quiet's goes out at once, so it arrives first.
    appendParagraph(writer.doc(busy), 'second')
    appendParagraph(writer.doc(quiet), 'now')
    await writer.flush()
    await eventually(() => expect(bodyPlainText(reader.doc(busy))).toContain('second'))
    const quietArrived = seen.findIndex((s) => s.startsWith('quiet:') && s.includes('now'))
    const busyArrived = seen.findIndex((s) => s.startsWith('busy:') && s.includes('second'))
    expect(quietArrived).toBeGreaterThanOrEqual(0)
    expect(quietArrived).toBeLessThan(busyArrived)
  })

  it('[P9][P10] an ack ready while a broadcast with others’ changes is due reaches the sender with that broadcast', async () => {
    // b's change waits for the article's next broadcast, which will bring it to a.
    const { id, a, b } = await broadcastDueWithChangeFromB(1000)
    appendParagraph(a.doc(id), 'from a')
    expect(await a.flush()).toEqual([{ ok: true }])
    // One write: by the time a hears its change is stored, b's change has arrived too.
    expect(bodyPlainText(a.doc(id))).toContain('from b')
    expect(await b.flush()).not.toContainEqual(expect.objectContaining({ error: expect.anything() }))
    await eventually(() => expect(bodyPlainText(b.doc(id))).toBe(bodyPlainText(a.doc(id))))
  })

  it('[P9] a held ack still reaches its sender when the server shuts down before the broadcast', async () => {
    const { server, id, a } = await broadcastDueWithChangeFromB(60_000)
    appendParagraph(a.doc(id), 'from a')
    let acked = false
    const ack = a.flush().finally(() => (acked = true))
    // Once a's change is stored its ack is ready, and held for the broadcast due in a minute.
    await eventually(async () => expect(storedText(await server.app.storage.loadDocument(id))).toContain('from a'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(acked).toBe(false)
    await server.close()
    expect(await ack).toEqual([{ ok: true }])
  })

  it('[P9] a connection in two busy articles is held for one broadcast at a time, never longer', async () => {
    const { server, first: x, second: y, a, b } = await twoArticlesBothJoined(1000, 'x.', 'y.')
    const live = { x: server.app.registry.peek(x)!, y: server.app.registry.peek(y)! }
    // x's interval starts now, y's 300 ms later: x's next broadcast is due first.
    appendParagraph(a.doc(x), 'x starts')
    await a.flush()
    await new Promise((resolve) => setTimeout(resolve, 300))
    appendParagraph(a.doc(y), 'y starts')
    await a.flush()
    appendParagraph(b.doc(x), 'b in x')
    appendParagraph(b.doc(y), 'b in y')
    await eventually(() => {
      expect(bodyPlainText(live.x.doc)).toContain('b in x')
      expect(bodyPlainText(live.y.doc)).toContain('b in y')
    })
    // Both of a's acks are ready while both articles' broadcasts are due, x's first.
    appendParagraph(a.doc(x), 'a in x')
    const xAck = a.flush()
    appendParagraph(a.doc(y), 'a in y')
    const yAck = a.flush()
    expect(await xAck).toEqual([{ ok: true }])
    // Released with x's broadcast: y's broadcast, due later, has not come yet.
    expect(bodyPlainText(a.doc(x))).toContain('b in x')
    expect(bodyPlainText(a.doc(y))).not.toContain('b in y')
    expect(await yAck).toEqual([{ ok: true }])
    await eventually(() => expect(bodyPlainText(a.doc(y))).toContain('b in y'))
  })

  it('[P9] an ack never waits for a broadcast that brings the sender nothing', async () => {
    const server = await startServer({ broadcastIntervalMs: 60_000 })
    const id = await createArticle(server.url, { text: 'x.' })
    const a = await joinedClient(server.url, id)
    await joinedClient(server.url, id)
    await a.flush()
    // Each update is sent after the previous ack, all within one interval: the later ones wait for
    // the broadcast, but their acks must not, or a client that sends one at a time would crawl.
    for (let i = 0; i < 3; i++) {
      appendParagraph(a.doc(id), `one at a time ${i}`)
      expect(await a.flush()).toEqual([{ ok: true }])
    }
  })

  it('[P10] a server change in the same turn as one client update reaches that client too', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: 'x.' })
    const a = await joinedClient(server.url, id)
    const live = server.app.registry.peek(id)!
    // The server changes the doc in the same event-loop turn as a's update arrives.
    live.doc.on('update', (_u: Uint8Array, origin: { kind?: string } | null) => {
      if (origin?.kind === 'client' && live.doc.getMap('server').size === 0) {
        void server.app.registry.applyServerChange(live, 'command', (doc) => doc.getMap('server').set('seen', true))
      }
    })
    appendParagraph(a.doc(id), 'trigger')
    await a.flush()
    await eventually(() => expect(a.doc(id).getMap('server').get('seen')).toBe(true))
  })

  it('[P11] a tab that reconnects with its presence key takes its presence back', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: 'x.' })
    const observer = await joinedClient(server.url, id)
    const first = new ProtocolClient(server.url, { auth: { presenceKey: 'tab-key-0123456789', token: server.token } })
    await first.join(id)
    await first.setPresence(id, { user: { name: 'Test Editor', color: '#123456' } })
    const clientId = first.awareness.get(id)!.clientID
    // The network drops without the server noticing yet; the tab reconnects with the same doc and key.
    const second = new ProtocolClient(server.url, { auth: { presenceKey: 'tab-key-0123456789', token: server.token } })
    second.awareness.set(id, first.awareness.get(id)!)
    await second.join(id, first.doc(id))
    expect(await second.setPresence(id, { user: { name: 'Test Editor', color: '#654321' } })).toEqual({ ok: true })
    // When the old socket finally goes, the presence stays: it belongs to the new one.
    first.close()
    await eventually(() => expect(observer.awareness.get(id)!.getStates().get(clientId)).toMatchObject({ user: { color: '#654321' } }))
    await new Promise((r) => setTimeout(r, 100))
    expect(observer.awareness.get(id)!.getStates().has(clientId)).toBe(true)
  })

  it('unloads an idle document after flushing it, and loads it again on demand', async () => {
    const server = await startServer({ idleUnloadMs: 50 })
    const id = await createArticle(server.url, { text: 'Keep me.' })
    const a = await joinedClient(server.url, id)
    appendParagraph(a.doc(id), 'and me')
    await a.flush()
    expect(server.app.registry.peek(id)).toBeDefined()
    a.close()
    await eventually(() => expect(server.app.registry.peek(id)).toBeUndefined())
    const b = await joinedClient(server.url, id)
    expect(bodyPlainText(b.doc(id))).toBe('Keep me.\n\nand me')
  })
})
