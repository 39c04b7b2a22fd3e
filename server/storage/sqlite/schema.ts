/** The update log after each article's snapshot: `seq` counts up per article (sqliteStorage assigns it). */
function updatesTable(name: string): string {
  return `CREATE TABLE ${name} (
  article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  data        BLOB NOT NULL,
  PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;`
}

/** The SQLite schema. `updates` is the append-only log after each article's snapshot. */
export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS articles (
  id          TEXT PRIMARY KEY,
  headline    TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL DEFAULT 'draft',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  excerpt     TEXT NOT NULL DEFAULT '',
  word_count  INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS snapshots (
  article_id  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  state       BLOB NOT NULL
);
${updatesTable('IF NOT EXISTS updates')}
`

/**
 * The schema version in `PRAGMA user_version`. 1: `updates` is keyed by (article, seq) without a
 * rowid, so a commit writes one B-tree page instead of three (table, index, AUTOINCREMENT counter).
 */
export const SQLITE_SCHEMA_VERSION = 1

/**
 * Brings a version-0 database (data folders from before version 1) up to version 1, keeping every
 * stored update in its order. Run in one transaction, before SQLITE_SCHEMA.
 */
export const SQLITE_MIGRATE_0_TO_1 = `
${updatesTable('updates_v1')}
INSERT INTO updates_v1 (article_id, seq, data) SELECT article_id, seq, data FROM updates;
DROP TABLE updates;
ALTER TABLE updates_v1 RENAME TO updates;
`

/** Accounts, sessions, memberships, audit log and client-id ownership (docs/access.md). */
export const SQLITE_ACCOUNTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id             TEXT PRIMARY KEY,
  email          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name           TEXT NOT NULL,
  password_hash  TEXT NOT NULL,
  is_admin       INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  id            TEXT PRIMARY KEY,
  token_hash    TEXT NOT NULL UNIQUE,
  user_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('session', 'api')),
  name          TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  last_used_at  TEXT,
  revoked_at    TEXT
);
CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions(user_id, kind);
CREATE TABLE IF NOT EXISTS invitations (
  token_hash  TEXT PRIMARY KEY,
  email       TEXT NOT NULL,
  is_admin    INTEGER NOT NULL DEFAULT 0,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_at     TEXT
);
CREATE TABLE IF NOT EXISTS memberships (
  article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role        TEXT NOT NULL,
  PRIMARY KEY (article_id, user_id)
);
CREATE INDEX IF NOT EXISTS memberships_by_user ON memberships(user_id);
CREATE TABLE IF NOT EXISTS audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  type        TEXT NOT NULL,
  actor_id    TEXT,
  article_id  TEXT,
  detail      TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS client_ids (
  article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  client_id   INTEGER NOT NULL,
  user_id     TEXT NOT NULL,
  PRIMARY KEY (article_id, client_id)
);
`

/** Published versions: immutable once written (docs/publishing.md). */
export const SQLITE_PUBLISHING_SCHEMA = `
CREATE TABLE IF NOT EXISTS published_versions (
  article_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  version       INTEGER NOT NULL,
  published_at  TEXT NOT NULL,
  published_by  TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT '',
  ninjs         TEXT NOT NULL,
  galley        TEXT NOT NULL,
  state         BLOB NOT NULL,
  PRIMARY KEY (article_id, version)
);
CREATE TRIGGER IF NOT EXISTS published_versions_immutable BEFORE UPDATE ON published_versions
BEGIN SELECT RAISE(ABORT, 'published versions never change'); END;
`
