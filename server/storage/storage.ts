import type { ArticleSummary } from '../../shared/article/index.ts'
import type { AccountStorage } from './accountStorage.ts'

/** An article's row: what the list shows without loading its document. */
export type ArticleRecord = ArticleSummary

/** A published version of an article: both serializations, exactly as served, and the Yjs state they came from. */
export interface PublishedVersion {
  articleId: string
  version: number
  publishedAt: string
  /** The publisher's name. */
  publishedBy: string
  note: string
  /** The strict ninjs 3.1 document, serialized. */
  ninjs: string
  /** The Galley-profile document, serialized. */
  galley: string
  /** Y.encodeStateAsUpdate of the article at publication, for diffs and audits. */
  state: Uint8Array
}

/** The fields the document registry refreshes from the live document. */
export type ArticleSummaryUpdate = Pick<ArticleRecord, 'headline' | 'excerpt' | 'wordCount' | 'updatedAt'>

/** A stored document: the last snapshot (if any) and the updates appended after it, in order. */
export interface StoredDocument {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
  /** Bytes in `updates`, so the registry knows when to compact. */
  tailBytes: number
}

/**
 * Galley's storage. Every call is async so that a networked database can implement it; nothing may
 * assume a call completes synchronously.
 */
export interface Storage extends AccountStorage {
  /** Creates an article row, its initial document state and (when given) its owner's membership atomically. */
  createArticle(record: ArticleRecord, initialState: Uint8Array, ownerId?: string): Promise<void>
  /** Every article, most recently updated first. */
  listArticles(): Promise<ArticleRecord[]>
  /** One article's row, or null. */
  getArticle(id: string): Promise<ArticleRecord | null>
  /** Refreshes the summary fields of an article's row. */
  updateArticleSummary(id: string, summary: ArticleSummaryUpdate): Promise<void>
  /** The stored document of an article (snapshot + tail); an empty one when nothing is stored. */
  loadDocument(id: string): Promise<StoredDocument>
  /**
   * Appends one update to an article's log. Resolves once it is durably stored; appends made in
   * the same event-loop turn are committed together (group commit).
   */
  appendUpdate(id: string, update: Uint8Array): Promise<void>
  /**
   * Replaces the article's stored document with `snapshot`, which must contain every update
   * appended before this call. Appends after the call stay in the log.
   */
  compact(id: string, snapshot: Uint8Array): Promise<void>
  /** Sets an article's workflow status in its row (the list shows it). */
  updateArticleStatus(id: string, status: ArticleRecord['status']): Promise<void>
  /** Stores a new published version; rejects with a `conflict` GalleyError when that version exists (versions never change). */
  insertPublishedVersion(version: PublishedVersion): Promise<void>
  /** One published version, or the latest when `version` is undefined; null when there is none. */
  getPublishedVersion(articleId: string, version?: number): Promise<PublishedVersion | null>
  /** An article's published versions without their documents, oldest first. */
  listPublishedVersions(articleId: string): Promise<Array<Omit<PublishedVersion, 'ninjs' | 'galley' | 'state'>>>
  /** Commits anything pending and releases the storage. */
  close(): Promise<void>
}
