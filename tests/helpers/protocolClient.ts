import * as Y from 'yjs'
import { io, type Socket } from 'socket.io-client'
import { onTestFinished } from 'vitest'
import { defaultToken } from './testServer.ts'
import * as awarenessProtocol from 'y-protocols/awareness'
import {
  Events,
  decodeFrame,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type ErrorEvent,
  type JoinResult,
  type Response,
} from '../../shared/protocol/index.ts'

/** The origin a ProtocolClient applies remote changes with. */
export const REMOTE = Symbol('remote')

/**
 * A minimal protocol client for tests (docs/protocol.md), deliberately separate from the product's
 * provider: it speaks the wire format directly, so tests check the server, not our own client.
 * Each local change is sent as one `y` and its ack is kept for `flush()`.
 */
export class ProtocolClient {
  readonly socket: Socket
  readonly docs = new Map<string, Y.Doc>()
  readonly awareness = new Map<string, awarenessProtocol.Awareness>()
  readonly errors: ErrorEvent[] = []
  readonly refused: Array<{ code: string; message: string }> = []
  private acks: Array<Promise<Response>> = []
  private closed = false
  private synced = new Map<string, Promise<void>>()
  private markSynced = new Map<string, () => void>()

  /** Connects with `options.auth` (by default the test server's default user's token; `auth: {}` for none). */
  constructor(url: string, options: { autoConnect?: boolean; auth?: Record<string, unknown>; extraHeaders?: Record<string, string> } = {}) {
    this.socket = io(url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      autoConnect: options.autoConnect ?? true,
      auth: options.auth ?? { token: defaultToken(url) },
      ...(options.extraHeaders ? { extraHeaders: options.extraHeaders } : {}),
    })
    this.socket.on(Events.y, (articleId: string, data: Uint8Array | ArrayBuffer) => this.receive(articleId, new Uint8Array(data)))
    this.socket.on(Events.error, (e: ErrorEvent) => this.errors.push(e))
    onTestFinished(() => this.close())
  }

  /** Resolves once connected. */
  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve()
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve())
      this.socket.once('connect_error', reject)
    })
  }

  /** Emits `join` and returns the ack; on success starts the sync (step 1) and tracks the doc. */
  async join(articleId: string, doc = this.docs.get(articleId) ?? new Y.Doc()): Promise<Response<JoinResult>> {
    await this.connected()
    this.docs.set(articleId, doc)
    let resolveSynced!: () => void
    this.synced.set(articleId, new Promise<void>((r) => (resolveSynced = r)))
    this.markSynced.set(articleId, resolveSynced)
    // Ready before the ack: the server's step 1 and presence may arrive in the same read as the ack.
    if (!this.awareness.has(articleId)) {
      const awareness = new awarenessProtocol.Awareness(doc)
      awareness.setLocalState(null)
      this.awareness.set(articleId, awareness)
    }
    const res = (await this.socket.emitWithAck(Events.join, articleId)) as Response<JoinResult>
    if ('error' in res) return res
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE && !this.closed && this.docs.get(articleId) === doc) this.sendFrame(articleId, encodeUpdate(update))
    })
    this.sendFrame(articleId, encodeSyncStep1(Y.encodeStateVector(doc)))
    return res
  }

  /** Resolves once the server's step 2 for `articleId` arrived. */
  whenSynced(articleId: string): Promise<void> {
    return this.synced.get(articleId) ?? Promise.reject(new Error(`not joined to ${articleId}`))
  }

  /** The doc of a joined article. */
  doc(articleId: string): Y.Doc {
    const doc = this.docs.get(articleId)
    if (!doc) throw new Error(`not joined to ${articleId}`)
    return doc
  }

  /** Sends one frame and records its ack; returns the ack promise. */
  sendFrame(articleId: string, bytes: Uint8Array): Promise<Response> {
    // A frame in flight when the socket closes gets no ack: report it as not stored.
    const ack = (this.socket.emitWithAck(Events.y, articleId, bytes) as Promise<Response>).catch(
      (err: Error): Response => ({ error: { code: 'unavailable', message: err.message } }),
    )
    this.acks.push(ack)
    void ack.then((res) => {
      if ('error' in res) this.refused.push(res.error)
    })
    return ack
  }

  /** Sets this client's presence in an article. */
  setPresence(articleId: string, state: Record<string, unknown> | null): Promise<Response> {
    const awareness = this.awareness.get(articleId)
    if (!awareness) throw new Error(`not joined to ${articleId}`)
    awareness.setLocalState(state)
    return this.sendFrame(articleId, encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])))
  }

  /** Resolves once every `y` sent so far has been acked; returns the acks. */
  async flush(): Promise<Response[]> {
    const acks = this.acks
    this.acks = []
    return Promise.all(acks)
  }

  /** Disconnects (idempotent). */
  close(): void {
    this.closed = true
    this.socket.disconnect()
    for (const a of this.awareness.values()) a.destroy()
  }

  private receive(articleId: string, bytes: Uint8Array): void {
    const doc = this.docs.get(articleId)
    if (!doc) return
    const frame = decodeFrame(bytes)
    switch (frame.kind) {
      case 'sync-step1':
        this.sendFrame(articleId, encodeSyncStep2(Y.encodeStateAsUpdate(doc, frame.stateVector)))
        break
      case 'sync-step2':
        Y.applyUpdate(doc, frame.update, REMOTE)
        this.markSynced.get(articleId)?.()
        break
      case 'update':
        Y.applyUpdate(doc, frame.update, REMOTE)
        break
      case 'awareness': {
        const awareness = this.awareness.get(articleId)
        if (awareness) awarenessProtocol.applyAwarenessUpdate(awareness, frame.update, REMOTE)
        break
      }
    }
  }
}

/** Connects a ProtocolClient, joins an article and waits for its content. */
export async function joinedClient(url: string, articleId: string, token?: string): Promise<ProtocolClient> {
  const client = new ProtocolClient(url, token ? { auth: { token } } : {})
  const res = await client.join(articleId)
  if ('error' in res) throw new Error(`join failed: ${res.error.code} ${res.error.message}`)
  await client.whenSynced(articleId)
  return client
}
