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
