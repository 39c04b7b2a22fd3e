import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { FACT_MARK, articleSchema, getBody, markedSpans, readFact, readFacts, type FactRecord } from '../../shared/article/index.ts'
import type { Response } from '../../shared/protocol/index.ts'
import { api, memberWithRole } from '../helpers/accounts.ts'
import { editAsEditor, positionOf, typeText } from '../helpers/editorEdits.ts'
import { eventually } from '../helpers/eventually.ts'
import { joinedClient, type ProtocolClient } from '../helpers/protocolClient.ts'
import { createArticle, startServer } from '../helpers/testServer.ts'

const STORY = 'Mayor Ana Ruiz said the city will hire 300 teachers in March.\n\nRuiz spoke in Lisbon on Tuesday.'

/** An anchor (encoded relative positions) for the `occurrence`-th `text` in the first or given paragraph. */
function anchorOf(doc: Y.Doc, text: string, paragraph = 0): { start: Uint8Array; end: Uint8Array } {
  const ytext = (getBody(doc).get(paragraph) as Y.XmlElement).get(0) as Y.XmlText
  const plain = (ytext.toDelta() as Array<{ insert: unknown }>).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('')
  const index = plain.indexOf(text)
  if (index === -1) throw new Error(`"${text}" not in paragraph ${paragraph}`)
  return {
    start: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(ytext, index)),
    end: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(ytext, index + text.length)),
  }
}

async function command(client: ProtocolClient, id: string, payload: unknown): Promise<Response<{ tagId?: string }>> {
  return (await client.socket.emitWithAck('command', id, payload)) as Response<{ tagId?: string }>
}

async function tag(client: ProtocolClient, id: string, kind: string, text: string, paragraph = 0): Promise<string> {
  const res = await command(client, id, { type: 'fact.create', kind, anchor: anchorOf(client.doc(id), text, paragraph) })
  if ('error' in res) throw new Error(`${res.error.code}: ${res.error.message}`)
  return res.tagId!
}

const spans = (client: ProtocolClient, id: string) => markedSpans(client.doc(id), FACT_MARK, 'tagId')

/** A server with STORY, its editor and the fact-checker Fay Checker joined, and the claim in its first sentence tagged. */
async function storyWithClaim() {
  const server = await startServer()
  const id = await createArticle(server.url, { text: STORY })
  const editor = await joinedClient(server.url, id)
  const checker = await joinedClient(server.url, id, (await memberWithRole(server, id, 'factchecker', 'Fay Checker')).token)
  const claim = await tag(editor, id, 'claim', 'the city will hire 300 teachers in March')
  return { server, id, editor, checker, claim }
}

describe('fact tags (docs/facts.md)', () => {
  it('two clients tag overlapping spans and change one record’s status at once: both tags exist, the record converges, history holds both', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: STORY })
    const editor = await joinedClient(server.url, id)
    const checker = await joinedClient(server.url, id, (await memberWithRole(server, id, 'factchecker', 'Fay Checker')).token)
    const other = await joinedClient(server.url, id, (await memberWithRole(server, id, 'editor', 'Ed Two')).token)
    const [claim, person] = await Promise.all([
      tag(editor, id, 'claim', 'the city will hire 300 teachers in March'),
      tag(other, id, 'person', 'Ana Ruiz'),
    ])
    const nested = await tag(other, id, 'number', '300 teachers')
    await eventually(() => {
      for (const client of [editor, checker, other]) {
        expect(spans(client, id).get(claim)).toBe('the city will hire 300 teachers in March')
        expect(spans(client, id).get(person)).toBe('Ana Ruiz')
        expect(spans(client, id).get(nested)).toBe('300 teachers')
      }
    })
    // The fact-checker and the editor change the claim's status at the same moment.
    const [a, b] = await Promise.all([
      command(checker, id, { type: 'fact.update', tagId: claim, patch: { status: 'needs-source' } }),
      command(editor, id, { type: 'fact.update', tagId: claim, patch: { status: 'disputed', note: 'Council says 250' } }),
    ])
    expect([a, b]).toEqual([{ ok: true, tagId: claim }, { ok: true, tagId: claim }])
    await eventually(() => {
      const records = [editor, checker, other].map((c) => readFact(c.doc(id), claim)!)
      expect(records[1]).toEqual(records[0])
      expect(records[2]).toEqual(records[0])
      expect(records[0]!.history.map((h) => [h.by?.name, h.to])).toHaveLength(2)
      expect(new Set(records[0]!.history.map((h) => h.by?.name))).toEqual(new Set(['Fay Checker', 'Test Editor']))
      expect(records[0]!.note).toBe('Council says 250')
      expect(records[0]!.updatedBy?.name).toMatch(/Fay Checker|Test Editor/)
    })
  })

  it('two checkers adding sources at once both keep theirs; removing one keeps the others; a repeated add is not a duplicate', async () => {
    const { server, id, editor, checker, claim } = await storyWithClaim()
    const budget = { url: 'https://city.example/budget', title: 'City budget 2026', note: 'p. 12', accessedAt: '2026-11-20' }
    const minutes = { url: 'https://city.example/minutes', title: 'Council minutes', note: '', accessedAt: '' }
    const call = { url: '', title: 'Phone call with the schools office', note: 'confirmed 300', accessedAt: '2026-11-21' }
    // Both saw an empty list; both add at the same moment.
    const answers = await Promise.all([
      command(checker, id, { type: 'fact.update', tagId: claim, patch: { addSources: [budget] } }),
      command(editor, id, { type: 'fact.update', tagId: claim, patch: { addSources: [minutes, call] } }),
    ])
    expect(answers).toEqual([{ ok: true, tagId: claim }, { ok: true, tagId: claim }])
    await eventually(() => {
      for (const client of [editor, checker]) expect(new Set(readFact(client.doc(id), claim)!.sources)).toEqual(new Set([budget, minutes, call]))
    })
    // A resent add (lost ack) does not duplicate; a remove takes out only that source, wherever it now is.
    expect(await command(checker, id, { type: 'fact.update', tagId: claim, patch: { addSources: [budget], removeSources: [minutes] } })).toMatchObject({ ok: true })
    expect(await command(editor, id, { type: 'fact.update', tagId: claim, patch: { removeSources: [minutes] } })).toMatchObject({ ok: true })
    await eventually(() => expect(new Set(readFact(checker.doc(id), claim)!.sources)).toEqual(new Set([budget, call])))
    expect(await command(checker, id, { type: 'fact.update', tagId: claim, patch: { sources: [], addSources: [budget] } })).toMatchObject({ error: { code: 'bad-request' } })
    const reviewer = await joinedClient(server.url, id, (await memberWithRole(server, id, 'reviewer')).token)
    expect(await command(reviewer, id, { type: 'fact.update', tagId: claim, patch: { addSources: [minutes] } })).toMatchObject({ error: { code: 'forbidden' } })
  })

  it('verifies with sources; when the verified words change the tag drops to needs-recheck by itself and history keeps the verified text', async () => {
    const { server, id, editor, checker, claim } = await storyWithClaim()
    // An edit while nothing is verified: the server learns the article has no verified tag and
    // stops looking, until the facts change.
    editAsEditor(editor.doc(id), (tr) => typeText(tr, positionOf(editor.doc(id), 'Ruiz spoke'), 'Then '))
    await editor.flush()
    const source = { url: 'https://city.example/budget', title: 'City budget 2026', note: 'p. 12', accessedAt: '2026-11-20' }
    expect(await command(checker, id, { type: 'fact.update', tagId: claim, patch: { status: 'verified', sources: [source] } })).toMatchObject({ ok: true })
    await eventually(() => expect(readFact(editor.doc(id), claim)).toMatchObject({ status: 'verified', verifiedText: 'the city will hire 300 teachers in March', verifiedBy: { name: 'Fay Checker' }, sources: [source] }))
    // Typing elsewhere does not touch it.
    editAsEditor(editor.doc(id), (tr) => typeText(tr, positionOf(editor.doc(id), 'Ruiz spoke'), 'Later, '))
    await editor.flush()
    await new Promise((r) => setTimeout(r, 100))
    expect(readFact(server.app.registry.peek(id)!.doc, claim)!.status).toBe('verified')
    // Changing a verified word does.
    editAsEditor(editor.doc(id), (tr) => {
      const from = positionOf(editor.doc(id), '300')
      tr.replaceWith(from, from + 3, articleSchema.text('350', tr.doc.resolve(from + 1).marks()))
    })
    await editor.flush()
    await eventually(() => {
      const record = readFact(checker.doc(id), claim)!
      expect(record.status).toBe('needs-recheck')
      expect(record.history.map((h) => [h.from, h.to, h.by?.name ?? 'Galley', h.text])).toEqual([
        ['unverified', 'verified', 'Fay Checker', 'the city will hire 300 teachers in March'],
        ['verified', 'needs-recheck', 'Galley', 'the city will hire 350 teachers in March'],
      ])
    })
  })

  it('deleting all of a tag’s text keeps its record as an orphan; undo brings the mark back; clear formatting never removes it', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: STORY })
    const editor = await joinedClient(server.url, id)
    const place = await tag(editor, id, 'place', 'Lisbon', 1)
    await eventually(() => expect(spans(editor, id).get(place)).toBe('Lisbon'))
    editAsEditor(editor.doc(id), (tr, doc) => {
      for (const mark of Object.values(articleSchema.marks)) if (mark.name !== FACT_MARK) tr.removeMark(0, doc.content.size, mark)
    })
    const undo = new Y.UndoManager(getBody(editor.doc(id)), { trackedOrigins: new Set(['me']) })
    const from = positionOf(editor.doc(id), 'in Lisbon')
    editAsEditor(editor.doc(id), (tr) => tr.delete(from, from + 'in Lisbon '.length), 'me')
    await editor.flush()
    const live = server.app.registry.peek(id)!.doc
    expect(readFact(live, place)).toMatchObject({ kind: 'place', quote: 'Lisbon' })
    expect(markedSpans(live, FACT_MARK, 'tagId').has(place)).toBe(false)
    const facts = (await (await api(server.url, server.token, `/api/articles/${id}/facts`)).json()) as Array<FactRecord & { orphaned: boolean; text: string | null }>
    expect(facts).toEqual([expect.objectContaining({ id: place, orphaned: true, text: null })])
    undo.undo()
    await editor.flush()
    expect(markedSpans(live, FACT_MARK, 'tagId').get(place)).toBe('Lisbon')
  })

  it('roles: fact-checkers check but do not tag; reviewers do neither; bad values and hand-set needs-recheck are refused', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: STORY })
    const editor = await joinedClient(server.url, id)
    const claim = await tag(editor, id, 'claim', 'the city will hire 300 teachers in March')
    const checker = await joinedClient(server.url, id, (await memberWithRole(server, id, 'factchecker')).token)
    const reviewer = await joinedClient(server.url, id, (await memberWithRole(server, id, 'reviewer')).token)
    expect(await command(checker, id, { type: 'fact.create', kind: 'claim', anchor: anchorOf(checker.doc(id), 'Ruiz spoke', 1) })).toMatchObject({ error: { code: 'forbidden' } })
    expect(await command(checker, id, { type: 'fact.update', tagId: claim, patch: { kind: 'quote' } })).toMatchObject({ error: { code: 'forbidden' } })
    expect(await command(checker, id, { type: 'fact.delete', tagId: claim })).toMatchObject({ error: { code: 'forbidden' } })
    expect(await command(reviewer, id, { type: 'fact.update', tagId: claim, patch: { status: 'verified' } })).toMatchObject({ error: { code: 'forbidden' } })
    for (const patch of [{ status: 'needs-recheck' }, { status: 'maybe' }, { sources: [{ url: 'javascript:alert(1)', title: '', note: '', accessedAt: '' }] }, { uri: 'ftp://x' }]) {
      expect(await command(checker, id, { type: 'fact.update', tagId: claim, patch })).toMatchObject({ error: { code: 'bad-request' } })
    }
    expect(await command(checker, id, { type: 'fact.update', tagId: 'AAAAAAAAAAAA', patch: { note: 'x' } })).toMatchObject({ error: { code: 'not-found' } })
    expect(await command(editor, id, { type: 'fact.delete', tagId: claim })).toEqual({ ok: true, tagId: claim })
    await eventually(() => expect(readFacts(checker.doc(id))).toEqual([]))
    expect(markedSpans(server.app.registry.peek(id)!.doc, FACT_MARK, 'tagId').size).toBe(0)
  })

  it('suggestions: an accepted entity is proposed at its other occurrences; tagged spans and dismissed suggestions are not proposed again', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: STORY })
    const editor = await joinedClient(server.url, id)
    const suggestions = async () =>
      (await (await api(server.url, server.token, `/api/articles/${id}/suggestions`)).json()) as Array<{ kind: string; text: string; from: number }>
    const before = await suggestions()
    expect(before).toContainEqual(expect.objectContaining({ kind: 'place', text: 'Lisbon' }))
    await tag(editor, id, 'place', 'Lisbon', 1)
    expect((await suggestions()).some((s) => s.kind === 'place' && s.text === 'Lisbon')).toBe(false)
    const date = before.find((s) => s.kind === 'date')!
    expect(await command(editor, id, { type: 'suggestion.dismiss', kind: date.kind, text: date.text })).toMatchObject({ ok: true })
    expect((await suggestions()).some((s) => s.kind === 'date' && s.text === date.text)).toBe(false)
    const viewer = await joinedClient(server.url, id, (await memberWithRole(server, id, 'viewer')).token)
    expect(await command(viewer, id, { type: 'suggestion.dismiss', kind: 'person', text: 'Ruiz' })).toMatchObject({ error: { code: 'forbidden' } })
  })
})
