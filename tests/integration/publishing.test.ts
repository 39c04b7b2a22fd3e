import { execFile } from 'node:child_process'
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { promisify } from 'node:util'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { readStatus, readStatusChanges, getBody } from '../../shared/article/index.ts'
import { signWebhookBody } from '../../server/publish/publishWebhook.ts'
import { createNinjsValidator } from '../../server/publish/ninjsValidator.ts'
import { api, memberWithRole, type Member } from '../helpers/accounts.ts'
import { appendParagraph } from '../helpers/docBuilders.ts'
import { eventually } from '../helpers/eventually.ts'
import { joinedClient, type ProtocolClient } from '../helpers/protocolClient.ts'
import { createArticle, startServer, tempDataDir, type TestServer } from '../helpers/testServer.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')
const STORY = 'WASHINGTON — The council approved a budget of $5 billion on Tuesday.\n\nCritics said the plan was rushed.'
const validator = createNinjsValidator()

interface Cast {
  server: TestServer
  id: string
  editor: ProtocolClient
  checker: Member
  reviewer: Member
}

/** An article with a headline, byline and dateline, an unverified claim and an open thread. */
async function preparedArticle(overrides: Parameters<typeof startServer>[0] = {}): Promise<Cast & { claimId: string; threadId: string; checkerClient: ProtocolClient; reviewerClient: ProtocolClient }> {
  const server = await startServer(overrides)
  const id = await createArticle(server.url, { headline: 'Council approves budget', text: STORY })
  const editor = await joinedClient(server.url, id)
  const meta = editor.doc(id).getMap('meta')
  editor.doc(id).transact(() => {
    ;(meta.get('byline') as Y.Text).insert(0, 'By Ada Reporter')
    const place = meta.get('datelinePlace') as Y.Text
    place.delete(0, place.length)
    place.insert(0, 'WASHINGTON')
    meta.set('datelineDate', '2026-11-24')
  })
  await editor.flush()
  const checker = await memberWithRole(server, id, 'factchecker', 'Fay Checker')
  const reviewer = await memberWithRole(server, id, 'reviewer', 'Rev Iewer')
  const checkerClient = await joinedClient(server.url, id, checker.token)
  const reviewerClient = await joinedClient(server.url, id, reviewer.token)
  const text = (getBody(editor.doc(id)).get(0) as Y.XmlElement).get(0) as Y.XmlText
  const plain = (text.toDelta() as Array<{ insert: string }>).map((d) => d.insert).join('')
  const span = (quote: string) => {
    const i = plain.indexOf(quote)
    return { start: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i)), end: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i + quote.length)) }
  }
  const claim = (await editor.socket.emitWithAck('command', id, { type: 'fact.create', kind: 'claim', anchor: span('approved a budget of $5 billion') })) as { tagId: string }
  const thread = (await reviewerClient.socket.emitWithAck('command', id, { type: 'thread.create', anchor: span('on Tuesday'), body: 'Which Tuesday?' })) as { threadId: string }
  return { server, id, editor, checker, reviewer, checkerClient, reviewerClient, claimId: claim.tagId, threadId: thread.threadId }
}

const move = (server: TestServer, token: string, id: string, to: string) =>
  api(server.url, token, `/api/articles/${id}/status`, { method: 'POST', body: JSON.stringify({ to }) })
const publish = (server: TestServer, token: string, id: string, body: object = {}) =>
  api(server.url, token, `/api/articles/${id}/publish`, { method: 'POST', body: JSON.stringify(body) })

describe('workflow and publishing (docs/publishing.md)', () => {
  it('moves through the workflow by role, live for everyone, recorded with who and when', async () => {
    const { server, id, editor, checker, reviewer, reviewerClient } = await preparedArticle()
    expect((await move(server, reviewer.token, id, 'in-review')).status).toBe(403)
    expect((await move(server, server.token, id, 'ready')).status).toBe(409)
    expect((await move(server, server.token, id, 'in-review')).status).toBe(200)
    expect((await move(server, server.token, id, 'fact-check')).status).toBe(200)
    expect((await move(server, reviewer.token, id, 'ready')).status).toBe(403)
    expect((await move(server, checker.token, id, 'ready')).status).toBe(200)
    await eventually(() => expect(readStatus(reviewerClient.doc(id))).toBe('ready'))
    expect(readStatusChanges(editor.doc(id)).map((c) => [c.from, c.to, c.by.name])).toEqual([
      ['draft', 'in-review', 'Test Editor'],
      ['in-review', 'fact-check', 'Test Editor'],
      ['fact-check', 'ready', 'Fay Checker'],
    ])
    const list = (await (await api(server.url, server.token, '/api/articles')).json()) as Array<{ id: string; status: string }>
    expect(list.find((a) => a.id === id)!.status).toBe('ready')
  })

  it('the gate refuses with every reason while a claim is unverified or a thread open, and allows once they are handled; reviewers cannot publish', async () => {
    const { server, id, checker, reviewer, checkerClient, reviewerClient, claimId, threadId } = await preparedArticle()
    for (const to of ['in-review', 'fact-check']) await move(server, server.token, id, to)
    await move(server, checker.token, id, 'ready')
    const refused = await publish(server, server.token, id)
    expect(refused.status).toBe(409)
    const body = (await refused.json()) as { error: { code: string }; gate: Array<{ id: string; label: string; ok: boolean }> }
    expect(body.error.code).toBe('gate')
    const failing = body.gate.filter((g) => !g.ok).map((g) => g.id)
    expect(failing).toEqual(['threads', `thread:${threadId}`, 'facts', `fact:${claimId}`])
    expect(body.gate.map((g) => g.id)).toEqual(expect.arrayContaining(['headline', 'byline', 'dateline', 'status', 'orphans']))
    expect((await publish(server, reviewer.token, id)).status).toBe(403)
    expect((await publish(server, server.token, id, { overrides: { nonsense: 'x' } })).status).toBe(400)
    // Handle them: the reviewer resolves the thread, the checker verifies the claim.
    expect(await reviewerClient.socket.emitWithAck('command', id, { type: 'thread.setState', threadId, state: 'resolved' })).toMatchObject({ ok: true })
    const gate = (await (await api(server.url, server.token, `/api/articles/${id}/gate`)).json()) as Array<{ id: string; ok: boolean }>
    expect(gate.filter((g) => !g.ok).map((g) => g.id)).toEqual(['facts', `fact:${claimId}`])
    // An override with a reason would do as well…
    const source = { url: 'https://council.example/minutes', title: 'Council minutes', note: '', accessedAt: '2026-11-24' }
    expect(await checkerClient.socket.emitWithAck('command', id, { type: 'fact.update', tagId: claimId, patch: { status: 'verified', sources: [source] } })).toMatchObject({ ok: true })
    // An override for an item that holds by now (the thread was resolved meanwhile) is simply not needed.
    const ok = await publish(server, server.token, id, { overrides: { [`thread:${threadId}`]: 'Answered by phone' } })
    expect(ok.status).toBe(201)
    expect(await ok.json()).toEqual({ version: 1 })
  })

  it('publishes versions 1 and 2 with the correction note; version 1’s bytes never change, through edits and a restart', async () => {
    const { server, id, editor, checker } = await preparedArticle()
    for (const to of ['in-review', 'fact-check']) await move(server, server.token, id, to)
    await move(server, checker.token, id, 'ready')
    const overrides = { [`thread:${(await (await api(server.url, server.token, `/api/articles/${id}/gate`)).json() as Array<{ id: string }>).find((g) => g.id.startsWith('thread:'))!.id.slice(7)}`]: 'Answered by phone' }
    const factItem = ((await (await api(server.url, server.token, `/api/articles/${id}/gate`)).json()) as Array<{ id: string }>).find((g) => g.id.startsWith('fact:'))!.id
    const first = await publish(server, server.token, id, { overrides: { ...overrides, [factItem]: 'Confirmed with the council clerk' } })
    expect(await first.json()).toEqual({ version: 1 })
    const v1 = await api(server.url, server.token, `/api/articles/${id}/published/1`)
    expect(v1.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(v1.headers.get('x-content-type-options')).toBe('nosniff')
    const v1Bytes = await v1.text()
    const v1Doc = JSON.parse(v1Bytes) as Record<string, unknown>
    expect(validator.problems('galley', v1Doc)).toEqual([])
    expect(v1Doc).toMatchObject({ version: '1', uri: `urn:galley:article:${id}`, by: 'By Ada Reporter', located: 'WASHINGTON' })
    const strict = await (await api(server.url, server.token, `/api/articles/${id}/published/1?profile=ninjs`)).json()
    expect(validator.problems('ninjs', strict)).toEqual([])
    expect(readStatus(editor.doc(id))).toBe('published')
    // Edits go on in the draft, then version 2 with a correction note.
    appendParagraph(editor.doc(id), 'Correction: the vote was on Monday.')
    await editor.flush()
    const second = await publish(server, server.token, id, { note: 'Corrects the day of the vote.', overrides: { ...overrides, [factItem]: 'Confirmed with the council clerk' } })
    expect(await second.json()).toEqual({ version: 2 })
    const latest = (await (await api(server.url, server.token, `/api/articles/${id}/published`)).json()) as Record<string, unknown>
    expect(latest).toMatchObject({ version: '2', edNote: 'Corrects the day of the vote.' })
    await eventually(() => expect(readStatus(editor.doc(id))).toBe('corrected'))
    const versions = (await (await api(server.url, server.token, `/api/articles/${id}/versions`)).json()) as Array<{ version: number; note: string }>
    expect(versions.map((v) => [v.version, v.note])).toEqual([[1, ''], [2, 'Corrects the day of the vote.']])
    const diff = (await (await api(server.url, server.token, `/api/articles/${id}/versions/diff?from=1&to=2`)).json()) as Array<{ value: string; added: boolean }>
    expect(diff.filter((d) => d.added).map((d) => d.value).join('')).toContain('Correction: the vote was on Monday.')
    // Version 1 is unchanged now and after a restart.
    expect(await (await api(server.url, server.token, `/api/articles/${id}/published/1`)).text()).toBe(v1Bytes)
    await server.close()
    const again = await startServer({ dataDir: server.config.dataDir })
    expect(await (await api(again.url, again.token, `/api/articles/${id}/published/1`)).text()).toBe(v1Bytes)
    expect((await api(again.url, again.token, `/api/articles/${id}/published/3`)).status).toBe(404)
    expect((await api(again.url, (await memberWithRole(again, id, null)).token, `/api/articles/${id}/published/1`)).status).toBe(404)
  })

  it('signs its webhook with HMAC and publishes from the command line with an API token', async () => {
    const received: Array<{ body: string; signature: string | undefined }> = []
    const hook = createServer((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString()))
      req.on('end', () => {
        received.push({ body, signature: req.headers['x-galley-signature'] as string | undefined })
        res.end('ok')
      })
    })
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r))
    const secret = 'a-webhook-secret-of-some-length'
    try {
      const { server, id, checker, checkerClient, reviewerClient, claimId, threadId } = await preparedArticle({ publishWebhook: { url: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`, secret } })
      for (const to of ['in-review', 'fact-check']) await move(server, server.token, id, to)
      await move(server, checker.token, id, 'ready')
      const token = ((await (await api(server.url, server.token, '/api/auth/tokens', { method: 'POST', body: '{"name":"pipeline"}' })).json()) as { token: string }).token
      const out = path.join(tempDataDir(), 'article.json')
      const run = promisify(execFile)
      const env = { ...process.env, GALLEY_URL: server.url, GALLEY_TOKEN: token }
      const galley = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'server/cli/galley.ts', ...args], { cwd: ROOT, env })
      const refusal = (...args: string[]) => galley(...args).catch((e: { code: number; stderr: string }) => e)
      const refused = await refusal('publish', id, '--out', out)
      expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('✗ Open thread on') })
      // A base64url id can start with "-" (one in 64): it is still the article id, not an option.
      expect(await refusal('publish', '-6Ab_cdEfGhIjKlM', '--out', out)).toMatchObject({ code: 1, stderr: expect.stringContaining('not published: not-found') })
      expect(await refusal('publish', '--out', out, id)).toMatchObject({ code: 2, stderr: expect.stringContaining('the article id comes first') })
      const gate = (await (await api(server.url, server.token, `/api/articles/${id}/gate`)).json()) as Array<{ id: string }>
      const overrides = Object.fromEntries(gate.filter((g) => /^(thread|fact):/.test(g.id)).map((g) => [g.id, 'Checked by the desk']))
      expect((await publish(server, server.token, id, { overrides })).status).toBe(201)
      await eventually(() => expect(received).toHaveLength(1))
      expect(received[0]!.signature).toBe(signWebhookBody(received[0]!.body, secret))
      expect(JSON.parse(received[0]!.body)).toMatchObject({ event: 'article.published', articleId: id, version: 1, uri: `urn:galley:article:${id}` })
      // With the thread resolved and the claim verified, the CLI publishes the next version and writes it.
      expect(await reviewerClient.socket.emitWithAck('command', id, { type: 'thread.setState', threadId, state: 'resolved' })).toMatchObject({ ok: true })
      expect(await checkerClient.socket.emitWithAck('command', id, { type: 'fact.update', tagId: claimId, patch: { status: 'verified' } })).toMatchObject({ ok: true })
      const { stderr } = await galley('publish', '--', id, '--out', out, '--note', 'Update')
      expect(stderr).toContain(`published version 2 of ${id}`)
      expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ version: '2', edNote: 'Update' })
      await eventually(() => expect(received).toHaveLength(2))
    } finally {
      hook.close()
    }
  })
})
