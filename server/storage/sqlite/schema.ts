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
CREATE TABLE IF NOT EXISTS updates (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  data        BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_article ON updates(article_id, seq);
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
