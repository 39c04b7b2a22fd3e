import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { ErrorCode, GalleyError } from '../../../shared/protocol/index.ts'
import type { ArticleRecord, ArticleSummaryUpdate, PublishedVersion, Storage, StoredDocument } from '../storage.ts'
import { SQLITE_ACCOUNTS_SCHEMA, SQLITE_MIGRATE_0_TO_1, SQLITE_PUBLISHING_SCHEMA, SQLITE_SCHEMA, SQLITE_SCHEMA_VERSION } from './schema.ts'
import { sqliteAccountStorage } from './sqliteAccounts.ts'

/** How SQLite syncs commits: `normal` survives a process crash (kill -9), `full` also a power loss. */
export type SqliteSynchronous = 'normal' | 'full'

export interface SqliteStorageOptions {
  /** Folder holding galley.db; created if missing. ':memory:' keeps everything in memory (tests). */
  dataDir: string
  synchronous?: SqliteSynchronous
}

interface PendingAppend {
  id: string
  update: Uint8Array
  resolve: () => void
  reject: (err: unknown) => void
}

interface ArticleRow {
  id: string
  headline: string
  status: ArticleRecord['status']
  created_at: string
  updated_at: string
  excerpt: string
  word_count: number
}

function toRecord(row: ArticleRow): ArticleRecord {
  return {
    id: row.id,
    headline: row.headline,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    excerpt: row.excerpt,
    wordCount: row.word_count,
  }
}

interface PublishedRow {
  article_id: string
  version: number
  published_at: string
  published_by: string
  note: string
  ninjs: string
  galley: string
  state: Buffer
}

function toPublishedInfo(row: PublishedRow): Omit<PublishedVersion, 'ninjs' | 'galley' | 'state'> {
  return { articleId: row.article_id, version: row.version, publishedAt: row.published_at, publishedBy: row.published_by, note: row.note }
}

/**
 * Brings the database to SQLITE_SCHEMA_VERSION. A database that a newer Galley wrote is refused
 * rather than misread. Runs under an immediate transaction, so a second process opening the same
 * folder at the same moment waits for it and then finds nothing left to do.
 */
function migrate(db: Database.Database, file: string): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > SQLITE_SCHEMA_VERSION) {
      throw new Error(`${file} has schema version ${version}, newer than this Galley reads (${SQLITE_SCHEMA_VERSION}); run the Galley that wrote it`)
    }
    if (version === SQLITE_SCHEMA_VERSION) return
    const hasLog = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'updates'").get() !== undefined
    if (hasLog) db.exec(SQLITE_MIGRATE_0_TO_1)
    db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION}`)
  }).immediate()
}

/**
 * The embedded default storage: SQLite in WAL mode. Updates are appended to a log and committed
 * once per event-loop turn; compaction replaces the log with one snapshot.
 */
export function createSqliteStorage(options: SqliteStorageOptions): Storage {
  let file = ':memory:'
  if (options.dataDir !== ':memory:') {
    mkdirSync(options.dataDir, { recursive: true })
    file = path.join(options.dataDir, 'galley.db')
  }
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`)
  db.pragma('foreign_keys = ON')
  migrate(db, file)
  db.exec(SQLITE_SCHEMA)
  db.exec(SQLITE_ACCOUNTS_SCHEMA)
  db.exec(SQLITE_PUBLISHING_SCHEMA)

  const stmt = {
    insertArticle: db.prepare(
      `INSERT INTO articles (id, headline, status, created_at, updated_at, excerpt, word_count)
       VALUES (@id, @headline, @status, @createdAt, @updatedAt, @excerpt, @wordCount)`,
    ),
    listArticles: db.prepare('SELECT * FROM articles ORDER BY updated_at DESC, id'),
    getArticle: db.prepare('SELECT * FROM articles WHERE id = ?'),
    updateSummary: db.prepare(
      'UPDATE articles SET headline = @headline, excerpt = @excerpt, word_count = @wordCount, updated_at = @updatedAt WHERE id = @id',
    ),
    getSnapshot: db.prepare('SELECT state FROM snapshots WHERE article_id = ?').pluck(),
    getUpdates: db.prepare('SELECT data FROM updates WHERE article_id = ? ORDER BY seq').pluck(),
    // Next in the article's log; the primary key makes finding the last one a single seek.
    insertUpdate: db.prepare('INSERT INTO updates (article_id, seq, data) VALUES (@id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM updates WHERE article_id = @id), @update)'),
    upsertSnapshot: db.prepare(
      'INSERT INTO snapshots (article_id, state) VALUES (?, ?) ON CONFLICT(article_id) DO UPDATE SET state = excluded.state',
    ),
    deleteUpdates: db.prepare('DELETE FROM updates WHERE article_id = ?'),
    insertOwner: db.prepare("INSERT INTO memberships (article_id, user_id, role) VALUES (?, ?, 'owner')"),
    updateStatus: db.prepare('UPDATE articles SET status = ? WHERE id = ?'),
    insertPublished: db.prepare(
      `INSERT INTO published_versions (article_id, version, published_at, published_by, note, ninjs, galley, state)
       VALUES (@articleId, @version, @publishedAt, @publishedBy, @note, @ninjs, @galley, @state)`,
    ),
    getPublished: db.prepare('SELECT * FROM published_versions WHERE article_id = ? AND version = ?'),
    getLatestPublished: db.prepare('SELECT * FROM published_versions WHERE article_id = ? ORDER BY version DESC LIMIT 1'),
    listPublished: db.prepare('SELECT article_id, version, published_at, published_by, note FROM published_versions WHERE article_id = ? ORDER BY version'),
  }

  let queue: PendingAppend[] = []
  let scheduled: NodeJS.Immediate | null = null
  let closed = false

  const insertBatch = db.transaction((batch: PendingAppend[]) => {
    for (const item of batch) stmt.insertUpdate.run({ id: item.id, update: item.update })
  })

  /** Group commit: everything appended in this turn goes in one transaction. */
  function flush(): void {
    scheduled = null
    const batch = queue
    queue = []
    if (batch.length === 0) return
    try {
      insertBatch(batch)
    } catch (err) {
      for (const item of batch) item.reject(err)
      return
    }
    for (const item of batch) item.resolve()
  }

  const compactTx = db.transaction((id: string, snapshot: Uint8Array) => {
    stmt.upsertSnapshot.run(id, snapshot)
    stmt.deleteUpdates.run(id)
  })

  function assertOpen(): void {
    if (closed) throw new Error('storage is closed')
  }

  return {
    ...sqliteAccountStorage(db, assertOpen),
    async createArticle(record, initialState, ownerId) {
      assertOpen()
      db.transaction(() => {
        stmt.insertArticle.run(record)
        stmt.upsertSnapshot.run(record.id, initialState)
        if (ownerId !== undefined) stmt.insertOwner.run(record.id, ownerId)
      })()
    },
    async listArticles() {
      assertOpen()
      return (stmt.listArticles.all() as ArticleRow[]).map(toRecord)
    },
    async getArticle(id) {
      assertOpen()
      const row = stmt.getArticle.get(id) as ArticleRow | undefined
      return row ? toRecord(row) : null
    },
    async updateArticleSummary(id, summary: ArticleSummaryUpdate) {
      assertOpen()
      stmt.updateSummary.run({ id, ...summary })
    },
    async loadDocument(id): Promise<StoredDocument> {
      assertOpen()
      flush()
      const snapshot = (stmt.getSnapshot.get(id) as Buffer | undefined) ?? null
      const updates = stmt.getUpdates.all(id) as Buffer[]
      return { snapshot, updates, tailBytes: updates.reduce((n, u) => n + u.length, 0) }
    },
    appendUpdate(id, update) {
      if (closed) return Promise.reject(new Error('storage is closed'))
      return new Promise<void>((resolve, reject) => {
        queue.push({ id, update, resolve, reject })
        scheduled ??= setImmediate(flush)
      })
    },
    async compact(id, snapshot) {
      assertOpen()
      // Commit what is queued first: the snapshot covers it, so it must not land after the delete
      // as a stale duplicate (harmless to Yjs, but it would keep the log from shrinking).
      flush()
      compactTx(id, snapshot)
    },
    async updateArticleStatus(id, status) {
      assertOpen()
      stmt.updateStatus.run(status, id)
    },
    async insertPublishedVersion(version) {
      assertOpen()
      try {
        stmt.insertPublished.run(version)
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new GalleyError(ErrorCode.conflict, `version ${version.version} exists already`)
        throw err
      }
    },
    async getPublishedVersion(articleId, version) {
      assertOpen()
      const row = (version === undefined ? stmt.getLatestPublished.get(articleId) : stmt.getPublished.get(articleId, version)) as PublishedRow | undefined
      return row ? { ...toPublishedInfo(row), ninjs: row.ninjs, galley: row.galley, state: row.state } : null
    },
    async listPublishedVersions(articleId) {
      assertOpen()
      return (stmt.listPublished.all(articleId) as PublishedRow[]).map(toPublishedInfo)
    },
    async close() {
      if (closed) return
      if (scheduled) clearImmediate(scheduled)
      flush()
      closed = true
      db.close()
    },
  }
}
