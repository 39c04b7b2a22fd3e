export type {
  AccountStorage,
  InvitationRecord,
  MembershipRecord,
  NewAuditEntry,
  SessionRecord,
  UserRecord,
} from './accountStorage.ts'
export type { ArticleRecord, ArticleSummaryUpdate, PublishedVersion, Storage, StoredDocument } from './storage.ts'
export { createSqliteStorage } from './sqlite/sqliteStorage.ts'
export type { SqliteStorageOptions, SqliteSynchronous } from './sqlite/sqliteStorage.ts'
