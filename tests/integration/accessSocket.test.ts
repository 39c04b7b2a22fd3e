import * as Y from 'yjs'
import { io } from 'socket.io-client'
import { describe, expect, it } from 'vitest'
import { COMMENT_MARK, bodyPlainText, getBody, getThreads, readThreads } from '../../shared/article/index.ts'
import { encodeUpdate, type Response } from '../../shared/protocol/index.ts'
import { api, memberWithRole, signIn } from '../helpers/accounts.ts'
import { appendParagraph } from '../helpers/docBuilders.ts'
import { eventually } from '../helpers/eventually.ts'
import { ProtocolClient, joinedClient } from '../helpers/protocolClient.ts'
import { createArticle, startServer, type TestServer } from '../helpers/testServer.ts'

/** Tries to connect a raw Socket.IO client; resolves with 'connected' or the connect_error. */
function tryConnect(url: string, options: Parameters<typeof io>[1]): Promise<{ connected: true } | { error: Error & { data?: unknown } }> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...options })
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.disconnect()
      resolve({ connected: true })
    })
    socket.once('connect_error', (error) => {
      socket.disconnect()
      resolve({ error })
    })
  })
}

/** The server's stored body text of an article, read by a fresh server on the same data folder. */
async function storedText(server: TestServer, id: string): Promise<string> {
  await server.close()
  const again = await startServer({ dataDir: server.config.dataDir })
  const res = await api(again.url, again.token, `/api/articles/${id}`)
  return ((await res.json()) as { text: string }).text
}

/** Relative positions (encoded) of a span inside the first paragraph's text. */
function spanInFirstParagraph(doc: Y.Doc, from: number, to: number): { start: Uint8Array; end: Uint8Array } {
  const text = (getBody(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText
  return {
    start: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, from)),
    end: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, to)),
  }
}

const SAMPLE = 'First paragraph with a claim in it.\n\nSecond paragraph.'

describe('access control on the socket (docs/access.md)', () => {
  it('[A2] a handshake without a session cookie or token is refused with unauthorized', async () => {
    const server = await startServer()
    const none = await tryConnect(server.url, { auth: {} })
    expect(none).toMatchObject({ error: { message: 'unauthorized', data: { code: 'unauthorized' } } })
    const forged = await tryConnect(server.url, { auth: { token: 'gs_not-a-real-token' } })
    expect(forged).toMatchObject({ error: { message: 'unauthorized' } })
    // The session cookie works as well as the token.
    const { cookie } = await signIn(server.url, 'tester@test.galley', 'default test password')
    expect(await tryConnect(server.url, { auth: {}, extraHeaders: { cookie } })).toEqual({ connected: true })
  })

  it('[A3] a handshake from a foreign Origin is refused before the upgrade; the own origin and the allowlist pass', async () => {
    const server = await startServer()
    const token = server.token
    expect(await tryConnect(server.url, { auth: { token }, extraHeaders: { origin: 'https://evil.example' } })).toHaveProperty('error')
    expect(await tryConnect(server.url, { auth: { token }, extraHeaders: { origin: server.url } })).toEqual({ connected: true })
    const listed = await startServer({ allowedOrigins: ['https://newsroom.example'] })
    expect(await tryConnect(listed.url, { auth: { token: listed.token }, extraHeaders: { origin: 'https://newsroom.example' } })).toEqual({ connected: true })
    expect(await tryConnect(listed.url, { auth: { token: listed.token }, extraHeaders: { origin: listed.url } })).toHaveProperty('error')
  })

  it('[A4] viewers and reviewers cannot change the body: crafted updates are refused, nothing changes in memory, storage or for others', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: SAMPLE })
    const editor = await joinedClient(server.url, id)
    for (const role of ['viewer', 'reviewer', 'factchecker'] as const) {
      const member = await memberWithRole(server, id, role)
      const client = await joinedClient(server.url, id, member.token)
      // Its own sync reply (nothing new) is fine.
      expect((await client.flush()).every((r) => 'ok' in r)).toBe(true)
      appendParagraph(client.doc(id), `${role} was here`)
      const [refused] = await client.flush()
      expect(refused).toMatchObject({ error: { code: 'forbidden' } })
      // Deleting text is a change too.
      const crafted = new Y.Doc()
      Y.applyUpdate(crafted, Y.encodeStateAsUpdate(server.app.registry.peek(id)!.doc))
      const before = Y.encodeStateVector(crafted)
      getBody(crafted).delete(0, 1)
      expect(await client.sendFrame(id, encodeUpdate(Y.encodeStateAsUpdate(crafted, before)))).toMatchObject({ error: { code: 'forbidden' } })
      // Nor may it write the metadata.
      const headline = crafted.getMap('meta').get('headline') as Y.Text
      const beforeMeta = Y.encodeStateVector(crafted)
      headline.insert(0, 'HACKED ')
      expect(await client.sendFrame(id, encodeUpdate(Y.encodeStateAsUpdate(crafted, beforeMeta)))).toMatchObject({ error: { code: 'forbidden' } })
    }
    const live = server.app.registry.peek(id)!.doc
    expect(bodyPlainText(live)).toBe(SAMPLE)
    await new Promise((r) => setTimeout(r, 100))
    expect(bodyPlainText(editor.doc(id))).toBe(SAMPLE)
    expect(await storedText(server, id)).toBe(SAMPLE)
  })

  it('[A5] a reviewer opens, answers and resolves a thread through the command; the server adds the mark and the record', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: SAMPLE })
    const editor = await joinedClient(server.url, id)
    const reviewer = await memberWithRole(server, id, 'reviewer', 'Rita Reviewer')
    const client = await joinedClient(server.url, id, reviewer.token)
    const anchor = spanInFirstParagraph(client.doc(id), 21, 28) // "a claim"
    const created = (await client.socket.emitWithAck('command', id, { type: 'thread.create', anchor, body: 'Source?' })) as Response<{
      threadId: string
      messageId: string
    }>
    expect(created).toMatchObject({ ok: true, threadId: expect.any(String) })
    if ('error' in created) return
    const reply = await client.socket.emitWithAck('command', id, { type: 'thread.reply', threadId: created.threadId, body: 'Still need one.' })
    expect(reply).toMatchObject({ ok: true })
    expect(await client.socket.emitWithAck('command', id, { type: 'thread.setState', threadId: created.threadId, state: 'resolved' })).toMatchObject({
      ok: true,
    })
    // Everyone sees the record and the mark at once.
    await eventually(() => {
      const [thread] = readThreads(editor.doc(id))
      expect(thread).toMatchObject({ quote: 'a claim', state: 'resolved', author: { id: reviewer.user.id, name: 'Rita Reviewer' } })
      expect(thread!.messages.map((m) => m.body)).toEqual(['Source?', 'Still need one.'])
      const text = (getBody(editor.doc(id)).get(0) as Y.XmlElement).get(0) as Y.XmlText
      const marked = (text.toDelta() as Array<{ insert: string; attributes?: Record<string, unknown> }>).filter((d) =>
        Object.keys(d.attributes ?? {}).some((k) => k.startsWith(COMMENT_MARK)),
      )
      expect(marked.map((d) => d.insert)).toEqual(['a claim'])
    })
    // Its direct update is still refused.
    appendParagraph(client.doc(id), 'sneaky')
    expect((await client.flush()).at(-1)).toMatchObject({ error: { code: 'forbidden' } })
    expect(bodyPlainText(server.app.registry.peek(id)!.doc)).toBe(SAMPLE)
  })

  it('[A5] commands are checked: viewers may not comment, only a message’s author edits it, bad payloads get bad-request', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: SAMPLE })
    const viewer = await joinedClient(server.url, id, (await memberWithRole(server, id, 'viewer')).token)
    const anchor = spanInFirstParagraph(viewer.doc(id), 0, 5)
    expect(await viewer.socket.emitWithAck('command', id, { type: 'thread.create', anchor, body: 'hi' })).toMatchObject({ error: { code: 'forbidden' } })
    const a = await joinedClient(server.url, id, (await memberWithRole(server, id, 'reviewer', 'A')).token)
    const b = await joinedClient(server.url, id, (await memberWithRole(server, id, 'reviewer', 'B')).token)
    const created = (await a.socket.emitWithAck('command', id, { type: 'thread.create', anchor, body: 'mine' })) as { threadId: string; messageId: string }
    const edit = { type: 'message.edit', threadId: created.threadId, messageId: created.messageId, body: 'yours now' }
    expect(await b.socket.emitWithAck('command', id, edit)).toMatchObject({ error: { code: 'forbidden' } })
    expect(await b.socket.emitWithAck('command', id, { ...edit, type: 'message.delete', body: undefined })).toMatchObject({
      error: { code: 'forbidden' },
    })
    // B is neither an editor nor the thread's author: B may not resolve it.
    expect(await b.socket.emitWithAck('command', id, { type: 'thread.setState', threadId: created.threadId, state: 'resolved' })).toMatchObject({
      error: { code: 'forbidden' },
    })
    expect(await a.socket.emitWithAck('command', id, edit)).toMatchObject({ ok: true })
    for (const bad of [null, 42, { type: 'nope' }, { type: 'thread.reply', threadId: '../..', body: 'x' }, { type: 'thread.reply', threadId: created.threadId, body: '  ' }]) {
      expect(await a.socket.emitWithAck('command', id, bad)).toMatchObject({ error: { code: 'bad-request' } })
    }
    const junkAnchor = { start: new Uint8Array([255, 255, 255]), end: new Uint8Array([1]) }
    expect(await a.socket.emitWithAck('command', id, { type: 'thread.create', anchor: junkAnchor, body: 'x' })).toMatchObject({
      error: { code: 'bad-request' },
    })
    const threads = readThreads(server.app.registry.peek(id)!.doc)
    expect(threads).toHaveLength(1)
    expect(threads[0]!.messages[0]!.body).toBe('yours now')
  })

  it('[A5] nobody writes the threads or facts records directly, not even an editor', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: SAMPLE })
    const editor = await joinedClient(server.url, id)
    getThreads(editor.doc(id)).set('forged-thread', 'x')
    expect((await editor.flush()).at(-1)).toMatchObject({ error: { code: 'bad-update' } })
    expect(getThreads(server.app.registry.peek(id)!.doc).size).toBe(0)
  })

  it('[A7] an update written with another user’s Yjs client id is refused', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: SAMPLE })
    const alice = await joinedClient(server.url, id)
    appendParagraph(alice.doc(id), 'by Alice')
    expect((await alice.flush()).every((r) => 'ok' in r)).toBe(true)
    const mallory = await memberWithRole(server, id, 'editor', 'Mallory')
    const forger = await joinedClient(server.url, id, mallory.token)
    // Mallory writes with Alice's client id.
    const forged = new Y.Doc()
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(alice.doc(id)))
    // Set after applying: Yjs picks a new id when remote changes arrive under its own.
    forged.clientID = alice.doc(id).clientID
    const before = Y.encodeStateVector(forged)
    appendParagraph(forged, 'in Alice’s name')
    expect(await forger.sendFrame(id, encodeUpdate(Y.encodeStateAsUpdate(forged, before)))).toMatchObject({ error: { code: 'forbidden' } })
    // Nor with the client id the server seeded the article with, which nobody owns.
    const seedClient = [...Y.decodeStateVector(Y.encodeStateVector(server.app.registry.peek(id)!.doc)).keys()].find((c) => c !== alice.doc(id).clientID)!
    forged.clientID = seedClient
    const before2 = Y.encodeStateVector(forged)
    appendParagraph(forged, 'as the server')
    expect(await forger.sendFrame(id, encodeUpdate(Y.encodeStateAsUpdate(forged, before2)))).toMatchObject({ error: { code: 'forbidden' } })
    expect(bodyPlainText(server.app.registry.peek(id)!.doc)).not.toMatch(/Alice’s name|as the server/)
    // Her own id stays hers after a restart.
    await server.close()
    const again = await startServer({ dataDir: server.config.dataDir })
    const forger2 = await joinedClient(again.url, id, (await signIn(again.url, (await again.app.storage.getUser(mallory.user.id))!.email)).token)
    forged.clientID = alice.doc(id).clientID
    expect(await forger2.sendFrame(id, encodeUpdate(Y.encodeStateAsUpdate(forged)))).toMatchObject({ error: { code: 'forbidden' } })
  })

  it('[A8] a user without a role gets 404 on REST and not-found on join, like an article that does not exist', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: SAMPLE })
    const outsider = await memberWithRole(server, id, null)
    const res = await api(server.url, outsider.token, `/api/articles/${id}`)
    expect(res.status).toBe(404)
    const missing = await api(server.url, outsider.token, '/api/articles/AAAAAAAAAAAAAAAA')
    expect(await res.json()).toEqual(await missing.json())
    expect((await api(server.url, outsider.token, `/api/articles/${id}/members`)).status).toBe(404)
    expect(await (await api(server.url, outsider.token, '/api/articles')).json()).toEqual([])
    const client = new ProtocolClient(server.url, { auth: { token: outsider.token } })
    expect(await client.join(id)).toMatchObject({ error: { code: 'not-found' } })
  })

  it('[A6] a role change takes effect at once: a demoted editor’s next update is refused; a removed member leaves the article', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: SAMPLE })
    const member = await memberWithRole(server, id, 'editor')
    const client = await joinedClient(server.url, id, member.token)
    const accessEvents: unknown[] = []
    client.socket.on('access', (e) => accessEvents.push(e))
    const put = (role: string) => api(server.url, server.token, `/api/articles/${id}/members/${member.user.id}`, { method: 'PUT', body: JSON.stringify({ role }) })
    expect((await put('viewer')).status).toBe(200)
    await eventually(() => expect(accessEvents).toEqual([{ articleId: id, role: 'viewer', capabilities: ['read'] }]))
    appendParagraph(client.doc(id), 'too late')
    expect((await client.flush()).at(-1)).toMatchObject({ error: { code: 'forbidden' } })
    expect((await api(server.url, server.token, `/api/articles/${id}/members/${member.user.id}`, { method: 'DELETE' })).status).toBe(204)
    await eventually(() => expect(accessEvents.at(-1)).toEqual({ articleId: id, role: null, capabilities: [] }))
    expect(server.app.io.sockets.adapter.rooms.get(`article:${id}`)?.has(client.socket.id!)).toBeFalsy()
    expect(await client.join(id)).toMatchObject({ error: { code: 'not-found' } })
  })

  it('[A2] an expired session is refused; a revoked session is refused and its open sockets are disconnected', async () => {
    const server = await startServer({ sessionTtlMs: 1500 })
    const id = await createArticle(server.url, { text: SAMPLE })
    const { token } = await signIn(server.url, 'tester@test.galley', 'default test password')
    const client = await joinedClient(server.url, id, token)
    const disconnected = new Promise((resolve) => client.socket.once('disconnect', resolve))
    expect((await api(server.url, token, '/api/auth/session', { method: 'DELETE' })).status).toBe(204)
    await disconnected
    expect(await tryConnect(server.url, { auth: { token } })).toMatchObject({ error: { message: 'unauthorized' } })
    expect((await api(server.url, token, '/api/auth/me')).status).toBe(401)

    const short = await signIn(server.url, 'tester@test.galley', 'default test password')
    const open = await joinedClient(server.url, id, short.token)
    await new Promise((r) => setTimeout(r, 1600))
    expect(await tryConnect(server.url, { auth: { token: short.token } })).toMatchObject({ error: { message: 'unauthorized' } })
    // The open socket's next message finds the session expired.
    appendParagraph(open.doc(id), 'after expiry')
    expect((await open.flush()).at(-1)).toMatchObject({ error: { code: expect.stringMatching(/unauthorized|unavailable/) } })
    expect(bodyPlainText(server.app.registry.peek(id)!.doc)).not.toContain('after expiry')
  })

  it('[A11] presence shows the account’s own name, never another', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: SAMPLE })
    const reviewer = await memberWithRole(server, id, 'reviewer', 'Rita Reviewer')
    const client = await joinedClient(server.url, id, reviewer.token)
    expect(await client.setPresence(id, { user: { name: 'Test Editor', color: '#123456' } })).toMatchObject({ error: { code: 'bad-awareness' } })
    expect(await client.setPresence(id, { user: { name: 'Rita Reviewer', color: '#123456' } })).toEqual({ ok: true })
  })

  it('[A9] connections per user and messages per connection are limited with clear errors; the server stays up', async () => {
    const server = await startServer({ maxConnectionsPerUser: 2, socketMessagesPer10s: 30 })
    const id = await createArticle(server.url, { text: SAMPLE })
    const a = await joinedClient(server.url, id)
    await joinedClient(server.url, id)
    expect(await tryConnect(server.url, { auth: { token: server.token } })).toMatchObject({ error: { message: 'rate-limited' } })
    for (let i = 0; i < 40; i++) appendParagraph(a.doc(id), `burst ${i}`)
    const acks = await a.flush()
    expect(acks.some((r) => 'error' in r && r.error.code === 'rate-limited')).toBe(true)
    expect(a.socket.connected).toBe(true)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })
})
