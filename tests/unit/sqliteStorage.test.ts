import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createSqliteStorage } from '../../server/storage/index.ts'
import type { ArticleRecord } from '../../server/storage/index.ts'
import { tempDataDir } from '../helpers/testServer.ts'

const record = (id: string): ArticleRecord => ({
  id,
  headline: 'H',
  status: 'draft',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  excerpt: '',
  wordCount: 0,
})

function textUpdates(n: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  for (let i = 0; i < n; i++) doc.getText('t').insert(i, String(i % 10))
  return { doc, updates }
}

function rebuild(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): string {
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(doc, u)
  return doc.getText('t').toString()
}

describe('SQLite storage', () => {
  it('appends in order, group-commits one turn, and loads snapshot + tail', async () => {
    const storage = createSqliteStorage({ dataDir: tempDataDir() })
    await storage.createArticle(record('a'), Y.encodeStateAsUpdate(new Y.Doc()))
    const { doc, updates } = textUpdates(20)
    await Promise.all(updates.map((u) => storage.appendUpdate('a', u)))
    const stored = await storage.loadDocument('a')
    expect(stored.updates).toHaveLength(20)
    expect(stored.tailBytes).toBe(updates.reduce((n, u) => n + u.length, 0))
    expect(rebuild(stored)).toBe(doc.getText('t').toString())
    await storage.close()
  })

  it('compaction replaces the log with one snapshot; later appends stay in the tail', async () => {
    const storage = createSqliteStorage({ dataDir: tempDataDir() })
    await storage.createArticle(record('a'), Y.encodeStateAsUpdate(new Y.Doc()))
    const { doc, updates } = textUpdates(30)
    const early = updates.slice(0, 25).map((u) => storage.appendUpdate('a', u))
    const snapshotDoc = new Y.Doc()
    for (const u of updates.slice(0, 25)) Y.applyUpdate(snapshotDoc, u)
    // Compact while the appends are still queued in this turn: the snapshot covers them.
    await storage.compact('a', Y.encodeStateAsUpdate(snapshotDoc))
    await Promise.all(early)
    await Promise.all(updates.slice(25).map((u) => storage.appendUpdate('a', u)))
    const stored = await storage.loadDocument('a')
    expect(stored.snapshot).not.toBeNull()
    expect(stored.updates).toHaveLength(5)
    expect(rebuild(stored)).toBe(doc.getText('t').toString())
    await storage.close()
  })

  it('keeps everything across close and reopen of the same folder', async () => {
    const dataDir = tempDataDir()
    const first = createSqliteStorage({ dataDir })
    await first.createArticle(record('a'), Y.encodeStateAsUpdate(new Y.Doc()))
    const { doc, updates } = textUpdates(10)
    await Promise.all(updates.map((u) => first.appendUpdate('a', u)))
    await first.close()
    const second = createSqliteStorage({ dataDir })
    expect(rebuild(await second.loadDocument('a'))).toBe(doc.getText('t').toString())
    expect((await second.listArticles()).map((a) => a.id)).toEqual(['a'])
    await second.close()
  })

  it('refuses appends to an unknown article and after close', async () => {
    const storage = createSqliteStorage({ dataDir: ':memory:' })
    await expect(storage.appendUpdate('nope', new Uint8Array([0, 0]))).rejects.toThrow()
    await storage.close()
    await expect(storage.appendUpdate('nope', new Uint8Array([0, 0]))).rejects.toThrow(/closed/)
  })
})
