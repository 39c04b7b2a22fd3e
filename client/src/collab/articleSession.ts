import * as Y from 'yjs'
import { Observable } from 'lib0/observable'
import * as awarenessProtocol from 'y-protocols/awareness'
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

/** Errors after which the server may hold changes it did not store: join again to resend them. */
const RESYNC_ON: ReadonlySet<string> = new Set([ErrorCode.storageFailed, ErrorCode.internal, ErrorCode.unavailable])

/** Events an ArticleSession emits. */
export interface ArticleSessionEvents {
  /** The save status changed. */
  status: (status: SaveStatus) => void
  /** The first server state after a join has been applied. */
  synced: () => void
}

/**
 * One open article on a GalleyConnection: keeps a Y.Doc and an Awareness in sync with the server
 * (protocol: docs/protocol.md). Framework-free, usable from the browser and from Node.
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

  constructor(
    readonly articleId: string,
    readonly doc: Y.Doc,
  ) {
    super()
    this.awareness = new awarenessProtocol.Awareness(doc)
    doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  /** The current save status. */
  get saveStatus(): SaveStatus {
    return this.status
  }

  /** Called by the connection once the server acked `join`. Starts the sync (P7). */
  attach(sender: FrameSender, result: JoinResult): void {
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
    this.updateStatus()
  }

  /** Called by the connection when its socket (re)connects, before the join is acked. */
  connecting(): void {
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
        if (frame.kind === 'sync-step2' && !this.synced) {
          this.synced = true
          this.emit('synced', [])
        }
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

  /** Answers the server's step 1: the reply carries every change it lacks, offline edits included. */
  private replyToStep1(stateVector: Uint8Array): void {
    this.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector)), { kind: 'upTo', seq: this.localSeq })
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return
    const seq = ++this.localSeq
    this.unstored.add(seq)
    // Not joined: the change waits in the doc (and the offline cache) for the next join's sync.
    if (this.joined) this.send(encodeUpdate(update), { kind: 'one', seq })
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
    const unsaved = this.unstored.size > 0
    let next: SaveStatus
    if (this.lastError && unsaved) next = { state: 'error', unsaved, error: this.lastError }
    // A refused join is final until something changes: "Connecting…" forever would be a lie.
    else if (this.joinError && !this.joined) next = { state: 'error', unsaved, error: this.joinError }
    else if (!this.joined) next = { state: this.offline ? 'offline' : 'connecting', unsaved, error: null }
    else next = { state: unsaved ? 'saving' : 'saved', unsaved, error: null }
    if (next.state === this.status.state && next.unsaved === this.status.unsaved && next.error === this.status.error) return
    this.status = next
    this.emit('status', [next])
  }
}
