import { describe, expect, it } from 'vitest'
import { readSampleArticle } from '../../server/seed/sampleArticle.ts'
import { api, memberWithRole } from '../helpers/accounts.ts'
import { createArticle, startServer } from '../helpers/testServer.ts'

interface Suggestion {
  kind: string
  text: string
  from: number
  to: number
  speaker?: string
  date?: string
}

describe('GET /api/articles/:id/suggestions', () => {
  it('proposes facts with offsets into the article’s plain text, resolving weekdays against the dateline', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: readSampleArticle() })
    const reviewer = await memberWithRole(server, id, 'reviewer')
    const res = await api(server.url, reviewer.token, `/api/articles/${id}/suggestions`)
    expect(res.status).toBe(200)
    const suggestions = (await res.json()) as Suggestion[]
    const { text } = (await (await api(server.url, server.token, `/api/articles/${id}`)).json()) as { text: string }
    for (const s of suggestions) expect(text.slice(s.from, s.to)).toBe(s.text)
    expect(suggestions).toContainEqual(expect.objectContaining({ kind: 'date', text: 'Wednesday', date: '2022-01-05' }))
    expect(suggestions.some((s) => s.kind === 'quote' && /Blinken/.test(s.speaker ?? ''))).toBe(true)
    expect(suggestions).toContainEqual(expect.objectContaining({ kind: 'organization', text: 'State Department' }))
  })

  it('answers 404 to someone without a role', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: 'Jane Doe said "this is a quote of some length" on Monday.' })
    const outsider = await memberWithRole(server, id, null)
    expect((await api(server.url, outsider.token, `/api/articles/${id}/suggestions`)).status).toBe(404)
  })
})
