import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import type { Logger } from 'pino'
import { ensureArticleShape, summarize } from '../../shared/article/index.ts'
import { ErrorCode, GalleyError } from '../../shared/protocol/index.ts'
import type { Storage } from '../storage/index.ts'
import type { LiveDocument } from './liveDocument.ts'
import { asChangeOrigin, serverOrigin, type ChangeOrigin } from './origins.ts'
import { ClientIdOwners, updateEffect } from './authorship.ts'
import { UpdateGuard } from './updateGuard.ts'

export interface DocumentRegistryOptions {
  storage: Storage
  logger: Logger
  /** How long a document stays in memory after its last holder left. */
  idleUnloadMs: number
  /** Compact the stored log into a snapshot past this many updates… */
  compactAfterUpdates: number
  /** …or past this many bytes. */
  compactAfterBytes: number
  /** Delay before the article list's headline, excerpt and word count are refreshed after a change. */
  summaryDelayMs: number
}

/** How soon to try again to store and unload a document whose storage failed. */
const UNLOAD_RETRY_MS = 5000

/** Called for every change a live document emits, after it is applied, before it is stored. */
export type UpdateListener = (live: LiveDocument, update: Uint8Array, origin: ChangeOrigin | null) => void
/** Called when a document leaves memory. */
export type UnloadListener = (live: LiveDocument) => void

/**
 * The registry of live Y.Docs: loads an article's document from storage on first use, keeps it while
 * anyone holds it, appends every change it emits to storage, compacts the log, and flushes and
 * unloads the document a while after its last holder left.
 */
export class DocumentRegistry {
  private readonly live = new Map<string, LiveDocument>()
  private readonly loading = new Map<string, Promise<LiveDocument>>()
  private readonly unloading = new Map<string, Promise<void>>()
  private readonly updateListeners = new Set<UpdateListener>()
  private readonly unloadListeners = new Set<UnloadListener>()
  private closed = false

  constructor(private readonly options: DocumentRegistryOptions) {}

  /** Subscribes to every change of every live document; returns the unsubscribe function. */
  onUpdate(listener: UpdateListener): () => void {
    this.updateListeners.add(listener)
    return () => this.updateListeners.delete(listener)
  }

  /** Subscribes to unloads; returns the unsubscribe function. */
  onUnload(listener: UnloadListener): () => void {
    this.unloadListeners.add(listener)
    return () => this.unloadListeners.delete(listener)
  }

  /** The live document of an article if it is in memory. */
  peek(id: string): LiveDocument | undefined {
    return this.live.get(id)
  }

  /** Number of documents in memory. */
  get size(): number {
    return this.live.size
  }

  /**
   * Loads (if needed) and holds an article's document for `holder`. Throws GalleyError `not-found`
   * for an article that does not exist.
   */
  async acquire(id: string, holder: string): Promise<LiveDocument> {
    if (this.closed) throw new GalleyError(ErrorCode.unavailable, 'the server is shutting down')
    let live = this.live.get(id)
    while (!live) {
      const unloading = this.unloading.get(id)
      if (unloading) {
        // Either it unloads (then load it anew from storage) or the unload could not store it and
        // put it back: then this same document is the one to use.
        await unloading.catch(() => undefined)
        live = this.live.get(id)
        continue
      }
      live = await (this.loading.get(id) ?? this.load(id))
    }
    live.state.holders.add(holder)
    if (live.state.unloadTimer) {
      clearTimeout(live.state.unloadTimer)
      live.state.unloadTimer = null
    }
    return live
  }

  /** Lets go of a document; it unloads after `idleUnloadMs` once nobody holds it. */
  release(id: string, holder: string): void {
    const live = this.live.get(id)
    if (!live || !live.state.holders.delete(holder) || live.state.holders.size > 0) return
    this.scheduleUnload(live, this.options.idleUnloadMs)
  }

  private scheduleUnload(live: LiveDocument, delayMs: number): void {
    if (live.state.unloadTimer) clearTimeout(live.state.unloadTimer)
    live.state.unloadTimer = setTimeout(() => {
      this.unload(live).catch((err) => this.options.logger.error({ err, articleId: live.id }, 'unload failed'))
    }, delayMs)
    live.state.unloadTimer.unref()
  }

  /** Runs `fn` on an article's document, holding it meanwhile. */
  async withDocument<T>(id: string, fn: (live: LiveDocument) => T | Promise<T>): Promise<T> {
    const holder = `call:${Math.random().toString(36).slice(2)}`
    const live = await this.acquire(id, holder)
    try {
      return await fn(live)
    } finally {
      this.release(id, holder)
    }
  }

  /**
   * Applies a client's update. The update is checked first and refused without touching the
   * document: `forbidden` when it writes with another user's Yjs client id (ClientIdOwners),
   * `bad-update` when it is corrupt or breaks the article's shape (UpdateGuard). Resolves once
   * every change it caused, and the client ids it claimed, are durably stored; rejects with
   * `storage-failed` otherwise.
   */
  applyClientUpdate(live: LiveDocument, update: Uint8Array, origin: Extract<ChangeOrigin, { kind: 'client' }>): Promise<void> {
    const { state, doc } = live
    // updateEffect decodes the update (bad-update if it does not), so the guard need not again.
    const claims = state.owners.check(origin.userId, updateEffect(doc, update, false).newClients)
    state.guard.check(update, true)
    const writes: Promise<void>[] = []
    const pendingBefore = doc.store.pendingStructs?.update
    const pendingDsBefore = doc.store.pendingDs
    state.collecting = writes
    try {
      Y.applyUpdate(doc, update, origin)
    } catch (err) {
      // The shadow took it, so this cannot happen short of a Yjs bug; make it loud.
      this.options.logger.error({ err, articleId: live.id }, 'an update that passed the guard failed on the live document')
      throw new GalleyError(ErrorCode.internal, 'the update could not be applied')
    } finally {
      state.collecting = null
    }
    // Structs waiting for a missing dependency are not emitted yet; store the update itself so an
    // acked change is never lost across a restart.
    if (doc.store.pendingStructs?.update !== pendingBefore || doc.store.pendingDs !== pendingDsBefore) {
      writes.push(this.append(live, update))
    }
    if (claims.length > 0) {
      state.owners.claim(origin.userId, claims)
      writes.push(this.options.storage.claimClientIds(live.id, origin.userId, claims))
    }
    return this.settle(live, writes)
  }

  /** Applies a change made by the server itself; resolves once it is durably stored. */
  applyServerChange(live: LiveDocument, reason: Extract<ChangeOrigin, { kind: 'server' }>['reason'], change: (doc: Y.Doc) => void): Promise<void> {
    const writes: Promise<void>[] = []
    live.state.collecting = writes
    try {
      live.doc.transact(() => change(live.doc), serverOrigin(reason))
    } finally {
      live.state.collecting = null
    }
    return this.settle(live, writes)
  }

  /** Flushes and unloads every document and refuses new ones. */
  async close(): Promise<void> {
    this.closed = true
    await Promise.allSettled([...this.loading.values()])
    await Promise.allSettled([...this.live.values()].map((live) => this.unload(live)))
    await Promise.allSettled([...this.unloading.values()])
  }

  /**
   * Resolves once the writes are durable. After an earlier failed append, the whole document is
   * written as a snapshot first: only then is every change the document holds stored.
   */
  private async settle(live: LiveDocument, writes: Promise<void>[]): Promise<void> {
    // Also every write already in flight: a client's ack claims the whole state it has seen from the
    // server is stored, and the server's step 1 advertised changes still being written (P9).
    const pending = [...writes, ...live.state.inflight]
    try {
      await Promise.all(pending)
      if (live.state.needsSnapshot) {
        await this.compact(live)
        live.state.needsSnapshot = false
      }
    } catch (err) {
      live.state.needsSnapshot = true
      this.options.logger.error({ err, articleId: live.id }, 'storing an update failed')
      throw new GalleyError(ErrorCode.storageFailed, 'the change could not be stored; it will be sent again on reconnect')
    }
  }

  private load(id: string): Promise<LiveDocument> {
    const promise = (async () => {
      const record = await this.options.storage.getArticle(id)
      if (!record) throw new GalleyError(ErrorCode.notFound, `no article ${id}`)
      const stored = await this.options.storage.loadDocument(id)
      const owners = await this.options.storage.loadClientIds(id)
      const doc = new Y.Doc()
      doc.transact(() => {
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
        for (const update of stored.updates) Y.applyUpdate(doc, update)
      }, serverOrigin('load'))
      const awareness = new Awareness(doc)
      awareness.setLocalState(null)
      const live: LiveDocument = {
        id,
        doc,
        awareness,
        state: {
          guard: new UpdateGuard(doc),
          owners: new ClientIdOwners(owners, doc),
          holders: new Set(),
          unloadTimer: null,
          summaryTimer: null,
          tailCount: stored.updates.length,
          tailBytes: stored.tailBytes,
          compacting: false,
          inflight: new Set(),
          collecting: null,
          dirtySummary: false,
          needsSnapshot: false,
        },
      }
      doc.on('update', (update: Uint8Array, origin: unknown) => this.onDocUpdate(live, update, origin))
      ensureArticleShape(doc)
      this.live.set(id, live)
      this.options.logger.debug({ articleId: id, updates: stored.updates.length }, 'document loaded')
      return live
    })()
    this.loading.set(id, promise)
    const clear = () => this.loading.delete(id)
    promise.then(clear, clear)
    return promise
  }

  private onDocUpdate(live: LiveDocument, update: Uint8Array, rawOrigin: unknown): void {
    const origin = asChangeOrigin(rawOrigin)
    if (origin?.kind !== 'client') live.state.guard.mirror(update)
    for (const listener of this.updateListeners) {
      try {
        listener(live, update, origin)
      } catch (err) {
        this.options.logger.error({ err, articleId: live.id }, 'update listener failed')
      }
    }
    const write = this.append(live, update)
    live.state.collecting?.push(write)
    this.scheduleSummary(live)
  }

  private append(live: LiveDocument, update: Uint8Array): Promise<void> {
    const { state } = live
    const write = this.options.storage.appendUpdate(live.id, update)
    state.inflight.add(write)
    const done = () => state.inflight.delete(write)
    write.then(done, (err: unknown) => {
      done()
      state.needsSnapshot = true
      this.options.logger.error({ err, articleId: live.id }, 'append failed')
    })
    state.tailCount++
    state.tailBytes += update.length
    if (state.tailCount > this.options.compactAfterUpdates || state.tailBytes > this.options.compactAfterBytes) {
      this.compactSoon(live)
    }
    return write
  }

  private compactSoon(live: LiveDocument): void {
    const { state } = live
    if (state.compacting) return
    state.compacting = true
    setImmediate(() => {
      this.compact(live)
        .catch((err) => this.options.logger.error({ err, articleId: live.id }, 'compaction failed'))
        .finally(() => {
          state.compacting = false
        })
    })
  }

  private async compact(live: LiveDocument): Promise<void> {
    const snapshot = Y.encodeStateAsUpdate(live.doc)
    await this.options.storage.compact(live.id, snapshot)
    live.state.tailCount = 0
    live.state.tailBytes = 0
    this.options.logger.debug({ articleId: live.id, bytes: snapshot.length }, 'log compacted')
  }

  private scheduleSummary(live: LiveDocument): void {
    live.state.dirtySummary = true
    if (live.state.summaryTimer) return
    live.state.summaryTimer = setTimeout(() => {
      live.state.summaryTimer = null
      this.refreshSummary(live).catch((err) => this.options.logger.error({ err, articleId: live.id }, 'summary refresh failed'))
    }, this.options.summaryDelayMs)
    live.state.summaryTimer.unref()
  }

  private async refreshSummary(live: LiveDocument): Promise<void> {
    if (!live.state.dirtySummary) return
    live.state.dirtySummary = false
    await this.options.storage.updateArticleSummary(live.id, { ...summarize(live.doc), updatedAt: new Date().toISOString() })
  }

  private unload(live: LiveDocument): Promise<void> {
    if (this.live.get(live.id) !== live) return this.unloading.get(live.id) ?? Promise.resolve()
    this.live.delete(live.id)
    const { state } = live
    if (state.unloadTimer) clearTimeout(state.unloadTimer)
    if (state.summaryTimer) clearTimeout(state.summaryTimer)
    state.unloadTimer = null
    state.summaryTimer = null
    const promise = (async () => {
      await Promise.allSettled([...state.inflight])
      try {
        if (state.tailCount > 0 || state.needsSnapshot) await this.compact(live)
        state.needsSnapshot = false
        await this.refreshSummary(live)
      } catch (err) {
        if (!this.closed) {
          // Destroying it now would lose changes that exist nowhere else: keep it and try again later.
          this.options.logger.error({ err, articleId: live.id }, 'could not store the document; keeping it in memory')
          state.needsSnapshot = true
          this.live.set(live.id, live)
          if (state.holders.size === 0) this.scheduleUnload(live, Math.max(this.options.idleUnloadMs, UNLOAD_RETRY_MS))
          return
        }
        this.options.logger.fatal({ err, articleId: live.id }, 'shutting down with changes that could not be stored')
      }
      for (const listener of this.unloadListeners) listener(live)
      live.awareness.destroy()
      state.guard.destroy()
      live.doc.destroy()
      this.options.logger.debug({ articleId: live.id }, 'document unloaded')
    })()
    this.unloading.set(live.id, promise)
    const clear = () => {
      if (this.unloading.get(live.id) === promise) this.unloading.delete(live.id)
    }
    promise.then(clear, clear)
    return promise
  }
}
