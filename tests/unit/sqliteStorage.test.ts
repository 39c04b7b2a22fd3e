import Database from 'better-sqlite3'
import path from 'node:path'
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

  it('keeps each article\'s log in append order when articles interleave, across reopen', async () => {
    const dataDir = tempDataDir()
    const first = createSqliteStorage({ dataDir })
    for (const id of ['a', 'b']) await first.createArticle(record(id), Y.encodeStateAsUpdate(new Y.Doc()))
    const a = textUpdates(12).updates
    const b = textUpdates(7).updates
    // Several turns, each committing updates of both articles.
    for (let i = 0; i < a.length; i += 3) {
      await Promise.all([...a.slice(i, i + 3).map((u) => first.appendUpdate('a', u)), ...b.slice(i, i + 3).map((u) => first.appendUpdate('b', u))])
    }
    await first.close()
    const second = createSqliteStorage({ dataDir })
    await second.appendUpdate('a', a[0]!)
    expect((await second.loadDocument('a')).updates.map((u) => Buffer.from(u))).toEqual([...a, a[0]!].map((u) => Buffer.from(u)))
    expect((await second.loadDocument('b')).updates.map((u) => Buffer.from(u))).toEqual(b.map((u) => Buffer.from(u)))
    await second.close()
  })

  it('migrates a data folder from before schema version 1, keeping every update in order', async () => {
    const dataDir = tempDataDir()
    // The layout Galley wrote until schema version 1: one global AUTOINCREMENT sequence and an index.
    const old = new Database(path.join(dataDir, 'galley.db'))
    old.exec(`
      CREATE TABLE articles (id TEXT PRIMARY KEY, headline TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'draft',
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, excerpt TEXT NOT NULL DEFAULT '', word_count INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE snapshots (article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, state BLOB NOT NULL);
      CREATE TABLE updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, data BLOB NOT NULL);
      CREATE INDEX updates_by_article ON updates(article_id, seq);
    `)
    const a = textUpdates(6)
    const b = textUpdates(4)
    for (const id of ['a', 'b']) old.prepare("INSERT INTO articles (id, created_at, updated_at) VALUES (?, 'x', 'x')").run(id)
    const insert = old.prepare('INSERT INTO updates (article_id, data) VALUES (?, ?)')
    for (let i = 0; i < 6; i++) {
      insert.run('a', a.updates[i])
      if (i < 4) insert.run('b', b.updates[i])
    }
    old.close()

    const storage = createSqliteStorage({ dataDir })
    expect((await storage.loadDocument('a')).updates.map((u) => Buffer.from(u))).toEqual(a.updates.map((u) => Buffer.from(u)))
    expect(rebuild(await storage.loadDocument('b'))).toBe(b.doc.getText('t').toString())
    const more = textUpdates(8).updates.slice(6)
    await Promise.all(more.map((u) => storage.appendUpdate('a', u)))
    expect((await storage.loadDocument('a')).updates).toHaveLength(8)
    await storage.close()

    const check = new Database(path.join(dataDir, 'galley.db'), { readonly: true })
    expect(check.pragma('user_version', { simple: true })).toBe(1)
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'updates%' ORDER BY name").pluck().all()).toEqual(['updates'])
    check.close()
  })

  it('refuses a database written by a newer schema version instead of misreading it', async () => {
    const dataDir = tempDataDir()
    const newer = new Database(path.join(dataDir, 'galley.db'))
    newer.pragma('user_version = 99')
    newer.close()
    expect(() => createSqliteStorage({ dataDir })).toThrow(/schema version 99/)
  })

  it('refuses appends to an unknown article and after close', async () => {
    const storage = createSqliteStorage({ dataDir: ':memory:' })
    await expect(storage.appendUpdate('nope', new Uint8Array([0, 0]))).rejects.toThrow()
    await storage.close()
    await expect(storage.appendUpdate('nope', new Uint8Array([0, 0]))).rejects.toThrow(/closed/)
  })
})
