import type { Logger } from 'pino'
import * as Y from 'yjs'
import { diffWords } from 'diff'
import {
  PUBLISHABLE_STATUSES,
  STATUS_LABELS,
  bodyPlainText,
  findTransition,
  readStatus,
  writeStatusChange,
  type ArticleStatus,
} from '../../shared/article/index.ts'
import {
  MAX_OVERRIDE_REASON_CHARS,
  OVERRIDABLE_ITEM_ID,
  gatePasses,
  publishGate,
  serializeNinjs,
  toNinjs,
  type GateItem,
  type NinjsProfile,
  type PublicationInfo,
} from '../../shared/article/publish/index.ts'
import { Capability } from '../../shared/auth/index.ts'
import { ErrorCode, GalleyError } from '../../shared/protocol/index.ts'
import type { AccessService } from '../access/accessService.ts'
import type { AuditLog } from '../accounts/auditLog.ts'
import type { Principal } from '../accounts/principal.ts'
import type { Config } from '../config.ts'
import type { DocumentRegistry } from '../documents/documentRegistry.ts'
import type { PublishedVersion, Storage } from '../storage/index.ts'
import type { NinjsValidator } from './ninjsValidator.ts'
import { sendPublishNotice } from './publishWebhook.ts'

/** A gate item as the API reports it (the shared GateItem: `ok` when it holds or was overridden). */
export type GateReport = GateItem

const report = (items: GateItem[]): GateReport[] => items.map((i) => ({ ...i }))

export interface PublishServiceDeps {
  storage: Storage
  registry: DocumentRegistry
  access: AccessService
  audit: AuditLog
  validator: NinjsValidator
  logger: Logger
  config: Pick<Config, 'ninjsUriBase' | 'newsroomLanguage' | 'copyrightNotice' | 'usageTerms' | 'trustIndicators' | 'publishWebhook'>
}

/**
 * The editorial workflow and publishing (docs/publishing.md): status moves by role, the publishing
 * gate, and frozen, validated, immutable versions in ninjs 3.1.
 */
export class PublishService {
  constructor(private readonly deps: PublishServiceDeps) {}

  /** The article's stable URI in published documents. */
  articleUri(articleId: string): string {
    return `${this.deps.config.ninjsUriBase}${articleId}`
  }

  /** Moves an article along the workflow by hand (publishing is `publish`). */
  async transition(principal: Principal, articleId: string, to: ArticleStatus, note: string): Promise<ArticleStatus> {
    const role = await this.deps.access.require(principal, articleId, Capability.read)
    return this.deps.registry.withDocument(articleId, async (live) => {
      const from = readStatus(live.doc)
      const transition = findTransition(from, to)
      if (!transition) throw new GalleyError(ErrorCode.conflict, `an article cannot go from ${STATUS_LABELS[from]} to ${STATUS_LABELS[to]} by hand`)
      await this.deps.access.require(principal, articleId, transition.capability).catch(() => {
        throw new GalleyError(ErrorCode.forbidden, `a ${role} may not move an article from ${STATUS_LABELS[from]} to ${STATUS_LABELS[to]}`)
      })
      const at = new Date().toISOString()
      await this.deps.registry.applyServerChange(live, 'workflow', (doc) =>
        writeStatusChange(doc, { from, to, by: { id: principal.user.id, name: principal.user.name }, at, note, version: null }),
      )
      await this.deps.storage.updateArticleStatus(articleId, to)
      this.deps.audit.record('status-changed', { actorId: principal.user.id, articleId }, { from, to })
      return to
    })
  }

  /** The publishing gate now, with the given overrides (anyone who may read the article). */
  async gate(principal: Principal, articleId: string, overrides: Record<string, string> = {}): Promise<GateReport[]> {
    await this.deps.access.require(principal, articleId, Capability.read)
    return this.deps.registry.withDocument(articleId, (live) => report(publishGate(live.doc, overrides)))
  }

  /**
   * Publishes the next version: the gate must pass (409 `gate` with every item otherwise); the
   * article's state at this moment is converted, validated against both schemas, and stored
   * immutably; the status becomes published, corrected (with a note) or updated.
   */
  async publish(principal: Principal, articleId: string, options: { note: string; overrides: Record<string, string> }): Promise<{ version: number }> {
    await this.deps.access.require(principal, articleId, Capability.publish)
    const record = await this.deps.storage.getArticle(articleId)
    if (!record) throw new GalleyError(ErrorCode.notFound, 'no such article')
    for (const [id, reason] of Object.entries(options.overrides)) {
      if (!OVERRIDABLE_ITEM_ID.test(id)) throw new GalleyError(ErrorCode.badRequest, `overrides: ${id} is not a thread, fact or orphan gate item`)
      if (reason.trim() === '' || reason.length > MAX_OVERRIDE_REASON_CHARS) {
        throw new GalleyError(ErrorCode.badRequest, `overrides.${id}: a reason of 1–${MAX_OVERRIDE_REASON_CHARS} characters`)
      }
    }
    return this.deps.registry.withDocument(articleId, async (live) => {
      const previous = await this.deps.storage.listPublishedVersions(articleId)
      // From here to the insert nothing awaits: the version is the document as it is now.
      // An override for an item that holds by now (a thread resolved meanwhile) is simply not needed.
      const items = publishGate(live.doc, options.overrides)
      if (!gatePasses(items)) {
        throw new GalleyError(ErrorCode.gate, 'the article cannot be published yet: see gate', { gate: report(items) })
      }
      const from = readStatus(live.doc)
      if (!PUBLISHABLE_STATUSES.includes(from)) throw new GalleyError(ErrorCode.conflict, `a ${STATUS_LABELS[from]} article cannot be published`)
      const version = (previous.at(-1)?.version ?? 0) + 1
      const now = new Date().toISOString()
      const info: PublicationInfo = {
        uri: this.articleUri(articleId),
        version,
        firstCreated: record.createdAt,
        versionCreated: now,
        language: this.deps.config.newsroomLanguage,
        note: options.note,
        copyrightNotice: this.deps.config.copyrightNotice,
        usageTerms: this.deps.config.usageTerms,
        trustIndicators: this.deps.config.trustIndicators,
      }
      const documents = {} as Record<NinjsProfile, string>
      for (const profile of ['ninjs', 'galley'] as const) {
        const document = toNinjs(live.doc, info, profile)
        const problems = this.deps.validator.problems(profile, document)
        if (problems.length > 0) {
          this.deps.logger.error({ articleId, profile, problems }, 'a converted article does not validate')
          throw new GalleyError(ErrorCode.internal, 'the converted article does not validate; nothing was published')
        }
        documents[profile] = serializeNinjs(document)
      }
      await this.deps.storage.insertPublishedVersion({
        articleId,
        version,
        publishedAt: now,
        publishedBy: principal.user.name,
        note: options.note,
        ninjs: documents.ninjs,
        galley: documents.galley,
        state: Y.encodeStateAsUpdate(live.doc),
      })
      const to: ArticleStatus = version === 1 ? 'published' : options.note ? 'corrected' : 'updated'
      const overridden = items.filter((i) => i.overriddenBecause).map((i) => `${i.label}: ${i.overriddenBecause}`)
      await this.deps.registry.applyServerChange(live, 'workflow', (doc) =>
        writeStatusChange(doc, {
          from,
          to,
          by: { id: principal.user.id, name: principal.user.name },
          at: now,
          note: [options.note, ...overridden.map((o) => `Overridden — ${o}`)].filter(Boolean).join('\n'),
          version,
        }),
      )
      await this.deps.storage.updateArticleStatus(articleId, to)
      this.deps.audit.record('article-published', { actorId: principal.user.id, articleId }, { version, overrides: options.overrides })
      if (this.deps.config.publishWebhook) {
        sendPublishNotice(this.deps.config.publishWebhook, { event: 'article.published', articleId, version, uri: info.uri, publishedAt: now, note: options.note }, this.deps.logger)
      }
      return { version }
    })
  }

  /** A published version's bytes in a profile (the latest when `version` is undefined). */
  async published(principal: Principal, articleId: string, profile: NinjsProfile, version?: number): Promise<string> {
    await this.deps.access.require(principal, articleId, Capability.read)
    const found = await this.deps.storage.getPublishedVersion(articleId, version)
    if (!found) throw new GalleyError(ErrorCode.notFound, version === undefined ? 'this article has not been published' : `no version ${version}`)
    return found[profile]
  }

  /** The published versions, oldest first. */
  async versions(principal: Principal, articleId: string): Promise<Array<Omit<PublishedVersion, 'ninjs' | 'galley' | 'state'>>> {
    await this.deps.access.require(principal, articleId, Capability.read)
    return this.deps.storage.listPublishedVersions(articleId)
  }

  /** The word diff of the plain text between two published versions. */
  async diff(principal: Principal, articleId: string, from: number, to: number): Promise<Array<{ value: string; added: boolean; removed: boolean }>> {
    await this.deps.access.require(principal, articleId, Capability.read)
    const [a, b] = await Promise.all([this.deps.storage.getPublishedVersion(articleId, from), this.deps.storage.getPublishedVersion(articleId, to)])
    if (!a || !b) throw new GalleyError(ErrorCode.notFound, `no version ${!a ? from : to}`)
    const text = (state: Uint8Array) => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, state)
      const plain = bodyPlainText(doc)
      doc.destroy()
      return plain
    }
    return diffWords(text(a.state), text(b.state)).map((c) => ({ value: c.value, added: c.added === true, removed: c.removed === true }))
  }
}
