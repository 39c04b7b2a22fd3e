import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { COMMENT_MARK, articleSchema, bodyPlainText, markedSpans, readThreads } from '../../shared/article/index.ts'
import type { Response } from '../../shared/protocol/index.ts'
import { api, memberWithRole } from '../helpers/accounts.ts'
import { editAsEditor, positionOf, typeText } from '../helpers/editorEdits.ts'
import { eventually } from '../helpers/eventually.ts'
import { joinedClient, type ProtocolClient } from '../helpers/protocolClient.ts'
import { createArticle, startServer, type TestServer } from '../helpers/testServer.ts'

const STORY = 'The minister said the budget grows by ten percent next year.\n\nA second paragraph follows here.'

interface ThreadView {
  id: string
  quote: string
  anchorText: string | null
  orphaned: boolean
  state: string
  messages: Array<{ body: string; author: { name: string } }>
}

async function threads(server: TestServer, id: string, token = server.token): Promise<ThreadView[]> {
  return (await (await api(server.url, token, `/api/articles/${id}/threads`)).json()) as ThreadView[]
}

async function openThread(server: TestServer, id: string, quote: string, body: string, occurrence?: number): Promise<string> {
  const res = await api(server.url, server.token, `/api/articles/${id}/threads`, {
    method: 'POST',
    body: JSON.stringify({ body, anchor: { quote, ...(occurrence ? { occurrence } : {}) } }),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { threadId: string }).threadId
}

/** The text each thread's anchor covers in a client's copy. */
const anchors = (client: ProtocolClient, id: string) => markedSpans(client.doc(id), COMMENT_MARK, 'threadId')

describe('comment threads keep their place (docs/protocol.md P14, docs/access.md A5)', () => {
  it('REST: opens a thread on a quoted span, replies, resolves, reopens; lists each with the text its anchor covers now', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: STORY })
    const threadId = await openThread(server, id, 'ten percent', 'Source for the figure?')
    const reply = await api(server.url, server.token, `/api/articles/${id}/threads/${threadId}/messages`, { method: 'POST', body: '{"body":"Budget office, p. 4"}' })
    expect(reply.status).toBe(201)
    expect((await api(server.url, server.token, `/api/articles/${id}/threads/${threadId}`, { method: 'PATCH', body: '{"state":"resolved"}' })).status).toBe(200)
    let [thread] = await threads(server, id)
    expect(thread).toMatchObject({ id: threadId, quote: 'ten percent', anchorText: 'ten percent', orphaned: false, state: 'resolved' })
    expect(thread!.messages.map((m) => [m.author.name, m.body])).toEqual([
      ['Test Editor', 'Source for the figure?'],
      ['Test Editor', 'Budget office, p. 4'],
    ])
    expect((await api(server.url, server.token, `/api/articles/${id}/threads/${threadId}`, { method: 'PATCH', body: '{"state":"open"}' })).status).toBe(200)
    ;[thread] = await threads(server, id)
    expect(thread!.state).toBe('open')
    // The second occurrence, and errors.
    const second = await openThread(server, id, 'paragraph', 'Which one?')
    expect((await threads(server, id)).find((t) => t.id === second)!.anchorText).toBe('paragraph')
    const missing = await api(server.url, server.token, `/api/articles/${id}/threads`, { method: 'POST', body: JSON.stringify({ body: 'x', anchor: { quote: 'ten percent', occurrence: 2 } }) })
    expect(missing.status).toBe(404)
    const viewer = await memberWithRole(server, id, 'viewer')
    const refused = await api(server.url, viewer.token, `/api/articles/${id}/threads`, { method: 'POST', body: JSON.stringify({ body: 'x', anchor: { quote: 'budget' } }) })
    expect(refused.status).toBe(403)
    expect((await threads(server, id, viewer.token)).length).toBe(2)
  })

  it('the anchor survives typing inside and around it by two clients at once, a split and a join of its paragraph, formatting and clear formatting', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: STORY })
    const threadId = await openThread(server, id, 'the budget grows by ten percent', 'Check this.')
    const a = await joinedClient(server.url, id)
    const b = await joinedClient(server.url, id)
    await eventually(() => expect(anchors(a, id).get(threadId)).toBe('the budget grows by ten percent'))
    // Concurrently: A types before the span and inside it, B after it and inside it.
    // One transaction per typing action, as in the editor (y-prosemirror writes each as one text diff).
    const type = (client: ProtocolClient, before: string, text: string) =>
      editAsEditor(client.doc(id), (tr) => typeText(tr, positionOf(client.doc(id), before), text))
    type(a, 'The minister', 'Yesterday ')
    type(a, 'by ten', 'quickly ')
    type(b, ' next year', ' at least')
    type(b, 'budget', 'federal ')
    await Promise.all([a.flush(), b.flush()])
    // Typing right after the span does not extend it (the mark is not inclusive).
    await eventually(() => {
      expect(anchors(a, id).get(threadId)).toBe('the federal budget grows quickly by ten percent')
      expect(anchors(b, id).get(threadId)).toBe(anchors(a, id).get(threadId))
    })
    expect(bodyPlainText(a.doc(id))).toMatch(/^Yesterday The minister said the federal budget grows quickly by ten percent at least next year\./)
    // Split the paragraph inside the span: the anchor continues in both paragraphs.
    editAsEditor(a.doc(id), (tr) => tr.split(positionOf(a.doc(id), 'grows')))
    await a.flush()
    await eventually(() => expect(anchors(b, id).get(threadId)).toBe('the federal budget \ngrows quickly by ten percent'))
    // Join them again.
    editAsEditor(b.doc(id), (tr, doc) => {
      const firstEnd = doc.child(0).nodeSize
      tr.join(firstEnd)
    })
    await b.flush()
    await eventually(() => expect(anchors(a, id).get(threadId)).toBe('the federal budget grows quickly by ten percent'))
    // Bold over part of it, then "clear formatting" (which removes formatting marks, not anchors).
    const from = positionOf(a.doc(id), 'federal')
    editAsEditor(a.doc(id), (tr) => tr.addMark(from, from + 'federal budget'.length, articleSchema.marks.bold!.create()))
    await a.flush()
    editAsEditor(a.doc(id), (tr, doc) => {
      for (const mark of Object.values(articleSchema.marks)) if (mark.name !== COMMENT_MARK) tr.removeMark(0, doc.content.size, mark)
    })
    await a.flush()
    await eventually(() => expect(anchors(b, id).get(threadId)).toBe('the federal budget grows quickly by ten percent'))
    const [thread] = await threads(server, id)
    expect(thread).toMatchObject({ anchorText: 'the federal budget grows quickly by ten percent', quote: 'the budget grows by ten percent', orphaned: false })
  })

  it('deleting all of the anchored text orphans the thread (kept with its quote); undo brings the anchor back', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: STORY })
    const threadId = await openThread(server, id, 'ten percent', 'Really?')
    const a = await joinedClient(server.url, id)
    const undo = new Y.UndoManager(a.doc(id).getXmlFragment('body'), { trackedOrigins: new Set(['editor']) })
    await eventually(() => expect(anchors(a, id).get(threadId)).toBe('ten percent'))
    const from = positionOf(a.doc(id), 'by ten percent')
    editAsEditor(a.doc(id), (tr) => tr.delete(from, from + 'by ten percent '.length), 'editor')
    await a.flush()
    let [thread] = await threads(server, id)
    expect(thread).toMatchObject({ id: threadId, orphaned: true, anchorText: null, quote: 'ten percent' })
    expect(thread!.messages.map((m) => m.body)).toEqual(['Really?'])
    undo.undo()
    await a.flush()
    ;[thread] = await threads(server, id)
    expect(thread).toMatchObject({ orphaned: false, anchorText: 'ten percent' })
    undo.redo()
    await a.flush()
    expect((await threads(server, id))[0]!.orphaned).toBe(true)
  })

  it('two overlapping threads stay two, with their own spans, after a server restart', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: STORY })
    const wide = await openThread(server, id, 'the budget grows by ten percent', 'Wide')
    const narrow = await openThread(server, id, 'grows by ten', 'Narrow')
    await server.close()
    const again = await startServer({ dataDir: server.config.dataDir })
    const list = await threads(again, id)
    expect(list.map((t) => [t.id, t.anchorText])).toEqual([
      [wide, 'the budget grows by ten percent'],
      [narrow, 'grows by ten'],
    ])
    const client = await joinedClient(again.url, id)
    expect(readThreads(client.doc(id))).toHaveLength(2)
    expect(anchors(client, id).get(narrow)).toBe('grows by ten')
  })

  it('sending a thread or a reply again after a lost ack does not duplicate it; an anchor on text the server lacks is a conflict', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: STORY })
    const a = await joinedClient(server.url, id)
    const text = (a.doc(id).getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText
    const anchor = {
      start: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 4)),
      end: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 12)),
    }
    const create = { type: 'thread.create', threadId: 'thread-retry-1', anchor, body: 'Once' }
    expect(await a.socket.emitWithAck('command', id, create)).toMatchObject({ ok: true, threadId: 'thread-retry-1' })
    expect(await a.socket.emitWithAck('command', id, create)).toMatchObject({ ok: true, threadId: 'thread-retry-1' })
    const reply = { type: 'thread.reply', threadId: 'thread-retry-1', messageId: 'reply-retry-1', body: 'Twice?' }
    expect(await a.socket.emitWithAck('command', id, reply)).toMatchObject({ ok: true, messageId: 'reply-retry-1' })
    expect(await a.socket.emitWithAck('command', id, reply)).toMatchObject({ ok: true, messageId: 'reply-retry-1' })
    const [thread] = readThreads(server.app.registry.peek(id)!.doc)
    expect(thread!.messages.map((m) => m.body)).toEqual(['Once', 'Twice?'])
    const someoneElse = await joinedClient(server.url, id, (await memberWithRole(server, id, 'reviewer')).token)
    expect(await someoneElse.socket.emitWithAck('command', id, reply)).toMatchObject({ error: { code: 'conflict' } })
    // Text typed locally that the server has not received.
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(a.doc(id)))
    const local = (offline.getXmlFragment('body').get(1) as Y.XmlElement).get(0) as Y.XmlText
    local.insert(0, 'Unsent words ')
    const unsent = {
      start: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(local, 0)),
      end: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(local, 6)),
    }
    expect(await a.socket.emitWithAck('command', id, { type: 'thread.create', anchor: unsent, body: 'x' })).toMatchObject({ error: { code: 'conflict' } })
  })

  it('a reviewer’s thread created over the socket reaches an editor at once, and the editor’s reply reaches the reviewer', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: STORY })
    const editor = await joinedClient(server.url, id)
    const reviewer = await joinedClient(server.url, id, (await memberWithRole(server, id, 'reviewer', 'Rev')).token)
    const text = (reviewer.doc(id).getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText
    const anchor = {
      start: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 4)),
      end: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 12)),
    }
    const created = (await reviewer.socket.emitWithAck('command', id, { type: 'thread.create', anchor, body: 'Name them?' })) as Response<{ threadId: string }>
    if ('error' in created) throw new Error(created.error.message)
    await eventually(() => expect(anchors(editor, id).get(created.threadId)).toBe('minister'))
    expect(await editor.socket.emitWithAck('command', id, { type: 'thread.reply', threadId: created.threadId, body: 'Done.' })).toMatchObject({ ok: true })
    await eventually(() => expect(readThreads(reviewer.doc(id))[0]!.messages.map((m) => m.body)).toEqual(['Name them?', 'Done.']))
  })
})
