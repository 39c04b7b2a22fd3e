import * as Y from 'yjs'
import { Observable } from 'lib0/observable'
import * as awarenessProtocol from 'y-protocols/awareness'
import { Capability, ROLE_LABELS, can, type Role } from '../../../shared/auth/index.ts'
import {
  DEFAULT_MAX_MESSAGE_BYTES,
  ErrorCode,
  decodeFrame,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type AwarenessChanges,
  type ErrorBody,
  type JoinResult,
  type Response,
} from '../../../shared/protocol/index.ts'
import type { SaveStatus } from './saveStatus.ts'

/** What a session needs from its connection: send one frame with an ack, and re-sync later. */
export interface FrameSender {
  send(articleId: string, bytes: Uint8Array, ack: (res: Response) => void): void
  /** Joins the article again after a backoff, so the server's step 1 lets us resend what it lacks. */
  resync(articleId: string): void
}

/** Which local changes a frame carries: none (step 1, presence), one, or every change so far (step 2). */
type Covers = { kind: 'none' } | { kind: 'one'; seq: number } | { kind: 'upTo'; seq: number }
const NONE: Covers = { kind: 'none' }

/**
 * Errors after which the server may hold changes it did not store, or refused them only for now
 * (`rate-limited`): join again, with backoff, to resend them.
 */
const RESYNC_ON: ReadonlySet<string> = new Set([ErrorCode.storageFailed, ErrorCode.internal, ErrorCode.unavailable, ErrorCode.rateLimited])

/** Events an ArticleSession emits. */
export interface ArticleSessionEvents {
  /** The save status changed. */
  status: (status: SaveStatus) => void
  /** The first server state after a join has been applied. */
  synced: () => void
  /** The user's role here changed (join ack, `access` event, a refused write): read `role`, `canWrite`, `accessRemoved`. */
  access: () => void
}

/** The user's standing on an article, as one value (the same object until something in it changes). */
export interface ArticleAccess {
  /** The role the server gave; null before the first join (and nothing remembered), or once removed. */
  role: Role | null
  /** True when the body and metadata may be changed now (see ArticleSession.canWrite). */
  canWrite: boolean
  /** True once the server removed the user from the article. */
  removed: boolean
}

/** What the session says when the server removed the user from the article. */
const ACCESS_REMOVED: ErrorBody = { code: ErrorCode.forbidden, message: 'your access to this article was removed' }

/**
 * One open article on a GalleyConnection: keeps a Y.Doc and an Awareness in sync with the server
 * (protocol: docs/protocol.md). Framework-free, usable from the browser and from Node.
 *
 * Roles: the join ack says the user's role, `access` events change it. A session whose role cannot
 * `writeBody` never sends the document (no step 2, no updates; step 1 and presence only), so the
 * server never has to refuse it; the view makes its editor read-only from `canWrite`.
 */
export class ArticleSession extends Observable<keyof ArticleSessionEvents> {
  readonly awareness: awarenessProtocol.Awareness
  /** True once this session has received the server's state since the last join. */
  synced = false
  private joined = false
  private offline = false
  private sender: FrameSender | null = null
  private epoch = 0
  /** Local changes are numbered; these are not yet known to be stored on the server. */
  private localSeq = 0
  private readonly unstored = new Set<number>()
  /** Why the last change was not saved; shown until every local change is stored. */
  private lastError: ErrorBody | null = null
  /** Why the last join was refused (not-found, protocol mismatch); cleared by the next attach. */
  private joinError: ErrorBody | null = null
  private maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES
  /** A server step 1 that arrived before the join ack; answered by attach(). */
  private pendingStep1: Uint8Array | null = null
  private status: SaveStatus = { state: 'connecting', unsaved: false, error: null }
  /** The role the server gave (or, before the first join, the one it gave last time on this connection). */
  private currentRole: Role | null
  private removed = false
  /** The server refused a write as `forbidden`: stop offering to edit until it says the role again. */
  private writesRefused = false
  /**
   * What the server holds, as far as this session knows: its step 1's state vector, raised by every
   * update it sent since. A read-only session compares its own state vector with it to tell whether
   * this browser holds insertions the server lacks (deletions alone do not move a state vector, so a
   * delete-only offline change of a since-demoted editor would go unnoticed: an accepted blind spot).
   */
  private readonly serverClock = new Map<number, number>()
  private serverClockKnown = false
  private accessSnapshot: ArticleAccess

  constructor(
    readonly articleId: string,
    readonly doc: Y.Doc,
    /** The role last known for this article, so an article opened while offline stays editable for an editor. */
    rememberedRole: Role | null = null,
  ) {
    super()
    this.currentRole = rememberedRole
    this.accessSnapshot = { role: rememberedRole, canWrite: this.canWrite, removed: false }
    this.awareness = new awarenessProtocol.Awareness(doc)
    doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  /** The current save status. */
  get saveStatus(): SaveStatus {
    return this.status
  }

  /** The user's role on this article: from the join ack and `access` events; null before the first join, or once removed. */
  get role(): Role | null {
    return this.currentRole
  }

  /** role, canWrite and removed as one value, for views: the same object until one of them changes. */
  get access(): ArticleAccess {
    return this.accessSnapshot
  }

  /** True once the server removed the user from this article (an `access` event with no role); final for this session. */
  get accessRemoved(): boolean {
    return this.removed
  }

  /** True when this user may change the body and metadata now (`writeBody`), and the server has not refused a write since. */
  get canWrite(): boolean {
    return !this.removed && !this.writesRefused && can(this.currentRole, Capability.writeBody)
  }

  /**
   * Called by the connection for an `access` event: the user's role changed, or (null) access was
   * removed, in which case the server has already left the article and the session stays detached.
   */
  setAccess(role: Role | null): void {
    if (role === null) {
      this.removed = true
      this.currentRole = null
      this.detach(ACCESS_REMOVED)
      this.announceAccess()
      return
    }
    const couldWrite = this.canWrite
    this.currentRole = role
    this.writesRefused = false
    this.announceAccess()
    // Newly allowed to write: join again, so the server's step 1 lets us send what it lacks.
    if (!couldWrite && this.canWrite && this.joined && this.unstored.size > 0) this.sender?.resync(this.articleId)
    // No longer allowed: our own acked edits never came back from the server, so serverClock
    // undercounts it; a fresh join's step 1 tells exactly what it holds.
    if (couldWrite && !this.canWrite && this.joined) {
      this.serverClockKnown = false
      this.sender?.resync(this.articleId)
    }
    this.updateStatus()
  }

  /** Called by the connection once the server acked `join`. Starts the sync (P7). */
  attach(sender: FrameSender, result: JoinResult): void {
    if (this.removed) return
    this.currentRole = result.role
    this.writesRefused = false
    this.serverClock.clear()
    this.serverClockKnown = false
    this.sender = sender
    this.joined = true
    this.offline = false
    this.epoch++
    this.maxMessageBytes = result.maxMessageBytes
    this.joinError = null
    this.synced = false
    this.send(encodeSyncStep1(Y.encodeStateVector(this.doc)), NONE)
    if (this.pendingStep1) {
      const stateVector = this.pendingStep1
      this.pendingStep1 = null
      this.replyToStep1(stateVector)
    }
    if (this.awareness.getLocalState() !== null) {
      this.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID])), NONE)
    }
    this.announceAccess()
    this.updateStatus()
  }

  /** Called by the connection when its socket (re)connects, before the join is acked. */
  connecting(): void {
    if (this.removed) return
    this.offline = false
    this.updateStatus()
  }

  /** Called by the connection when the socket drops (`offline`) or the join failed (`error`). */
  detach(error: ErrorBody | null = null): void {
    this.offline = error === null
    this.joined = false
    this.sender = null
    this.pendingStep1 = null
    this.epoch++
    if (error) this.joinError = error
    // Peers' cursors are stale once we cannot hear from them: drop them now, they come back on rejoin.
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID)
    if (others.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, others, this)
    this.updateStatus()
  }

  /** Handles one `y` frame from the server. */
  receive(bytes: Uint8Array): void {
    const frame = decodeFrame(bytes)
    switch (frame.kind) {
      case 'sync-step1':
        if (this.joined) this.replyToStep1(frame.stateVector)
        else this.pendingStep1 = frame.stateVector
        break
      case 'sync-step2':
      case 'update':
        Y.applyUpdate(this.doc, frame.update, this)
        this.raiseServerClock(Y.parseUpdateMeta(frame.update).to)
        if (frame.kind === 'sync-step2' && !this.synced) {
          this.synced = true
          this.emit('synced', [])
        }
        if (!this.canWrite) this.updateStatus()
        break
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(this.awareness, frame.update, this)
        break
    }
  }

  /** Stops syncing and releases listeners; the doc stays usable. */
  override destroy(): void {
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
    awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], 'destroy')
    this.awareness.destroy()
    super.destroy()
  }

  /**
   * Answers the server's step 1: the reply carries every change it lacks, offline edits included.
   * A read-only session only notes what the server holds: it has nothing it may send.
   */
  private replyToStep1(stateVector: Uint8Array): void {
    this.serverClockKnown = true
    this.raiseServerClock(Y.decodeStateVector(stateVector))
    if (!this.canWrite) {
      this.updateStatus()
      return
    }
    this.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector)), { kind: 'upTo', seq: this.localSeq })
  }

  private raiseServerClock(clocks: Map<number, number>): void {
    for (const [client, clock] of clocks) if (clock > (this.serverClock.get(client) ?? 0)) this.serverClock.set(client, clock)
  }

  /** True when this doc holds an insertion the server is not known to have (see serverClock). */
  private holdsMoreThanServer(): boolean {
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(this.doc))) {
      if (clock > (this.serverClock.get(client) ?? 0)) return true
    }
    return false
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return
    const seq = ++this.localSeq
    this.unstored.add(seq)
    // Not joined: the change waits in the doc (and the offline cache) for the next join's sync.
    // Read-only: never sent (the editor makes none; this is the offline copy loading, or a bug).
    if (this.joined && this.canWrite) this.send(encodeUpdate(update), { kind: 'one', seq })
    else this.updateStatus()
  }

  private onAwarenessUpdate = ({ added, updated, removed }: AwarenessChanges, origin: unknown): void => {
    if (origin === this || !this.joined) return
    const changed = [...added, ...updated, ...removed].filter((id) => id === this.doc.clientID)
    if (changed.length === 0) return
    this.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)), NONE)
  }

  /**
   * Sends a frame. `covers` says which local changes its ack proves stored: a step 2 covers every
   * change made before it was encoded, an update frame its own change only.
   */
  private send(bytes: Uint8Array, covers: Covers): void {
    const sender = this.sender
    if (!sender) return
    if (bytes.length > this.maxMessageBytes) {
      // Never send what the server must refuse: the transport would drop the connection and the
      // reconnect would send it again, forever (P12). The change stays local and the user is told.
      if (covers.kind !== 'none') {
        this.lastError = {
          code: ErrorCode.tooLarge,
          message: `this change is ${(bytes.length / 1e6).toFixed(1)} MB, over the server's ${(this.maxMessageBytes / 1e6).toFixed(1)} MB limit`,
        }
        this.updateStatus()
      }
      return
    }
    const epoch = this.epoch
    sender.send(this.articleId, bytes, (res) => {
      if (epoch !== this.epoch || covers.kind === 'none') return
      if ('error' in res) {
        this.lastError = res.error
        if (RESYNC_ON.has(res.error.code)) sender.resync(this.articleId)
        // The server says this user may not write (should not happen: the view follows the role).
        // Stop offering to edit rather than send every keystroke to be refused; never retry.
        if (res.error.code === ErrorCode.forbidden) {
          this.writesRefused = true
          this.announceAccess()
        }
      } else if (covers.kind === 'one') {
        this.unstored.delete(covers.seq)
      } else {
        for (const seq of this.unstored) if (seq <= covers.seq) this.unstored.delete(seq)
      }
      if (this.unstored.size === 0) this.lastError = null
      this.updateStatus()
    })
    this.updateStatus()
  }

  private updateStatus(): void {
    // Read-only and joined: what is "unsaved" is only what this browser holds beyond the server.
    if (!this.canWrite && this.joined && this.serverClockKnown && this.unstored.size > 0 && !this.holdsMoreThanServer()) {
      this.unstored.clear()
      this.lastError = null
    }
    const unsaved = this.unstored.size > 0
    let next: SaveStatus
    if (this.removed) next = { state: 'error', unsaved, error: ACCESS_REMOVED }
    else if (this.lastError && unsaved) next = { state: 'error', unsaved, error: this.lastError }
    // A refused join is final until something changes: "Connecting…" forever would be a lie.
    else if (this.joinError && !this.joined) next = { state: 'error', unsaved, error: this.joinError }
    else if (!this.joined) next = { state: this.offline ? 'offline' : 'connecting', unsaved, error: null }
    else if (!this.canWrite) next = this.readOnlyStatus(unsaved)
    else next = { state: unsaved ? 'saving' : 'saved', unsaved, error: null }
    if (
      next.state === this.status.state &&
      next.unsaved === this.status.unsaved &&
      next.error?.code === this.status.error?.code &&
      next.error?.message === this.status.error?.message
    )
      return
    this.status = next
    this.emit('status', [next])
  }

  /** Refreshes the access snapshot and emits `access` when it changed. */
  private announceAccess(): void {
    const previous = this.accessSnapshot
    const next: ArticleAccess = { role: this.currentRole, canWrite: this.canWrite, removed: this.removed }
    if (next.role === previous.role && next.canWrite === previous.canWrite && next.removed === previous.removed) return
    this.accessSnapshot = next
    this.emit('access', [])
  }

  /** A joined session that may not write: read-only, or an error when this browser holds changes it cannot save. */
  private readOnlyStatus(unsaved: boolean): SaveStatus {
    if (!unsaved) return { state: 'read-only', unsaved, error: null }
    // Still waiting for the server's state: the offline copy may hold nothing new.
    if (!this.serverClockKnown) return { state: 'connecting', unsaved, error: null }
    if (this.lastError) return { state: 'error', unsaved, error: this.lastError }
    const role = this.currentRole ? ROLE_LABELS[this.currentRole].toLowerCase() : 'no role'
    return {
      state: 'error',
      unsaved,
      error: { code: ErrorCode.forbidden, message: `this browser holds changes your role (${role}) cannot save` },
    }
  }
}
