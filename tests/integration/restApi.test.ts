import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSampleArticle } from '../../server/seed/sampleArticle.ts'
import { DEMO_ACCOUNTS } from '../../server/accounts/demoNewsroom.ts'
import { api, signIn } from '../helpers/accounts.ts'
import { createArticle, startServer, tempDataDir } from '../helpers/testServer.ts'

describe('REST API', () => {
  it('creates, lists and reads articles; text goes through the importer', async () => {
    const server = await startServer()
    const get = (path: string) => api(server.url, server.token, path)
    expect(await (await get('/api/articles')).json()).toEqual([])
    const id = await createArticle(server.url, { headline: 'Blinken warns Moscow', text: readSampleArticle() })
    const list = (await (await get('/api/articles')).json()) as Array<Record<string, unknown>>
    expect(list).toEqual([
      expect.objectContaining({ id, headline: 'Blinken warns Moscow', status: 'draft', updatedAt: expect.any(String), role: 'owner' }),
    ])
    const article = (await (await get(`/api/articles/${id}`)).json()) as {
      meta: Record<string, string>
      text: string
      wordCount: number
    }
    expect(article.meta).toMatchObject({ headline: 'Blinken warns Moscow', datelineDate: '2022-01-06', imageCredit: 'AP' })
    expect(article.text.split('\n\n')).toHaveLength(6)
    expect(article.wordCount).toBeGreaterThan(350)
  })

  it('creates an empty article with a headline', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { headline: '  Breaking  ' })
    const article = (await (await api(server.url, server.token, `/api/articles/${id}`)).json()) as { headline: string; text: string }
    expect(article).toMatchObject({ headline: 'Breaking', text: '' })
  })

  it('answers bad requests with JSON errors and codes', async () => {
    const server = await startServer()
    const post = (body: string) => api(server.url, server.token, '/api/articles', { method: 'POST', body })
    const get = (path: string) => api(server.url, server.token, path)
    const cases: Array<[Response, number, string]> = [
      [await post('{not json'), 400, 'bad-request'],
      [await post('{"headline": 42}'), 400, 'bad-request'],
      [await post('{"unknown": true}'), 400, 'bad-request'],
      [await post(JSON.stringify({ text: 'x'.repeat(9 * 1024 * 1024) })), 413, 'too-large'],
      [await get('/api/articles/nope'), 404, 'not-found'],
      [await get(`/api/articles/${'x'.repeat(100)}`), 404, 'not-found'],
      [await get('/api/nothing-here'), 404, 'not-found'],
      [await fetch(`${server.url}/api/articles`), 401, 'unauthorized'],
      [await api(server.url, 'gs_forged', '/api/articles'), 401, 'unauthorized'],
    ]
    for (const [res, status, code] of cases) {
      expect(res.status).toBe(status)
      expect(res.headers.get('content-type')).toMatch(/application\/json/)
      expect(await res.json()).toMatchObject({ error: { code, message: expect.any(String) } })
    }
  })

  it('serves /healthz, the built client, and deep links /a/:id to the app page', async () => {
    const dist = path.join(tempDataDir(), 'dist')
    mkdirSync(path.join(dist, 'assets'), { recursive: true })
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Galley</title>')
    writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)')
    const server = await startServer({ clientDist: dist })
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ ok: true })
    for (const page of ['/', '/a/someArticle']) {
      const res = await fetch(`${server.url}${page}`)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('<title>Galley</title>')
    }
    expect((await fetch(`${server.url}/assets/app.js`)).headers.get('cache-control')).toMatch(/immutable/)
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404)
    expect((await fetch(`${server.url}/api/unknown`)).status).toBe(404)
  })

  it('seeds the sample article and the demo newsroom on first run only; every demo account has a role on it', async () => {
    const dataDir = tempDataDir()
    const first = await startServer({ dataDir, seedSample: true, demo: true })
    expect(await (await fetch(`${first.url}/api/auth/demo`)).json()).toEqual(DEMO_ACCOUNTS)
    for (const demo of DEMO_ACCOUNTS) {
      const { token } = await signIn(first.url, demo.email, demo.password)
      const list = (await (await api(first.url, token, '/api/articles')).json()) as Array<{ excerpt: string; role: string }>
      expect(list).toHaveLength(1)
      expect(list[0]!.excerpt).toMatch(/^United States Secretary of State/)
      expect(list[0]!.role).toBe(demo.role === 'admin' ? 'owner' : demo.role)
    }
    await first.close()
    const second = await startServer({ dataDir, seedSample: true, demo: true })
    const { token } = await signIn(second.url, DEMO_ACCOUNTS[0]!.email, DEMO_ACCOUNTS[0]!.password)
    expect(await (await api(second.url, token, '/api/articles')).json()).toHaveLength(1)
    expect(await (await api(second.url, token, '/api/users')).json()).toHaveLength(DEMO_ACCOUNTS.length + 1)
  })

  it('without demo mode there are no demo accounts to show', async () => {
    const server = await startServer({ demo: false })
    const res = await fetch(`${server.url}/api/auth/demo`)
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: { code: 'not-found' } })
  })
})
