import { describe, expect, it } from 'vitest'
import { bodyPlainText } from '../../shared/article/index.ts'
import { appendParagraph } from '../helpers/docBuilders.ts'
import { signIn } from '../helpers/accounts.ts'
import { joinedClient } from '../helpers/protocolClient.ts'
import { spawnServer } from '../helpers/serverProcess.ts'
import { createArticle, tempDataDir } from '../helpers/testServer.ts'

const N = 300

describe('durability', () => {
  it('[P9] every acked update survives kill -9 of the server', async () => {
    const dataDir = tempDataDir()
    // A small compaction bound, so the run also crosses compactions while acking.
    // Demo mode gives the child server an account to sign in with.
    const env = { DATA_DIR: dataDir, COMPACT_AFTER_UPDATES: '100', GALLEY_DEMO: '1' }
    const first = await spawnServer(env)
    const editor = { email: 'editor@demo.galley.news', password: 'demo-editor-pass' }
    const { token } = await signIn(first.url, editor.email, editor.password)
    const id = await createArticle(first.url, { headline: 'Durable' }, token)
    const client = await joinedClient(first.url, id, token)
    const doc = client.doc(id)
    for (let i = 0; i < N; i++) {
      appendParagraph(doc, `update ${i}`)
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 5))
    }
    const acks = await client.flush()
    const updateAcks = acks.filter((r) => 'ok' in r)
    expect(updateAcks.length).toBeGreaterThanOrEqual(N)
    expect(acks.filter((r) => 'error' in r)).toEqual([])
    client.close()
    await first.kill('SIGKILL')

    const second = await spawnServer(env)
    const reader = await joinedClient(second.url, id, (await signIn(second.url, editor.email, editor.password)).token)
    const lines = bodyPlainText(reader.doc(id)).split('\n\n')
    for (let i = 0; i < N; i++) expect(lines).toContain(`update ${i}`)
    expect(bodyPlainText(reader.doc(id))).toBe(bodyPlainText(doc))
  })
})
