import { randomBytes } from 'node:crypto'
import * as Y from 'yjs'
import {
  bodyPlainText,
  ensureArticleShape,
  importPlainText,
  readMeta,
  setMetaText,
  summarize,
  writeImportedArticle,
  type ArticleDetail,
  type ArticleListItem,
  type NewArticle,
} from '../../shared/article/index.ts'
import type { PublicUser, Role } from '../../shared/auth/index.ts'
import type { DocumentRegistry } from '../documents/documentRegistry.ts'
import { serverOrigin } from '../documents/origins.ts'
import type { ArticleRecord, Storage } from '../storage/index.ts'

/** A new article id: 16 url-safe characters (96 random bits). */
export function newArticleId(): string {
  return randomBytes(12).toString('base64url')
}

/** Creating, listing and reading articles; the only place that seeds a document's content. */
export class ArticleService {
  constructor(
    private readonly storage: Storage,
    private readonly registry: DocumentRegistry,
  ) {}

  /**
   * Creates an article. `text` goes through the plain-text importer. The content is written into a
   * new, empty document on the server: the only place initial content is ever created.
   */
  async create(input: NewArticle, ownerId?: string): Promise<string> {
    const id = newArticleId()
    const doc = new Y.Doc()
    const origin = serverOrigin('seed')
    if (input.text !== undefined && input.text.trim() !== '') {
      writeImportedArticle(doc, importPlainText(input.text, input.headline), origin)
    } else {
      doc.transact(() => {
        ensureArticleShape(doc)
        setMetaText(doc, 'headline', input.headline?.trim() ?? '')
      }, origin)
    }
    const now = new Date().toISOString()
    await this.storage.createArticle(
      { id, status: 'draft', createdAt: now, updatedAt: now, ...summarize(doc) },
      Y.encodeStateAsUpdate(doc),
      ownerId,
    )
    doc.destroy()
    return id
  }

  /**
   * The articles a user has a role on, most recently updated first, each with the role. Admins also
   * get the others (role null) so that they can manage their members, never their content.
   */
  async listFor(user: PublicUser): Promise<ArticleListItem[]> {
    const roles = new Map((await this.storage.listMemberships(user.id)).map((m) => [m.articleId, m.role]))
    const all = await this.storage.listArticles()
    return all
      .filter((a) => user.isAdmin || roles.has(a.id))
      .map((a) => ({ ...a, role: roles.get(a.id) ?? null }))
  }

  /** One article with its metadata and plain text, read from the live document; the caller checked `role`. */
  async get(id: string, role: Role): Promise<ArticleDetail> {
    const record = await this.storage.getArticle(id)
    return this.registry.withDocument(id, (live) => ({
      ...(record as ArticleRecord),
      role,
      ...summarize(live.doc),
      meta: readMeta(live.doc),
      text: bodyPlainText(live.doc),
    }))
  }
}
