import * as Y from 'yjs'
import { io, type Socket } from 'socket.io-client'
import {
  Events,
  isErrorResponse,
  type ClientToServerEvents,
  type JoinResult,
  type Response,
  type ServerToClientEvents,
} from '../../../shared/protocol/index.ts'
import { nowMs } from '../harness/clock.ts'
import type { BenchClient } from './benchClient.ts'
import { SyncPeer, type FramePurpose } from './syncPeer.ts'

type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>

export interface GalleyClientOptions {
  /** The server's origin, e.g. `http://127.0.0.1:4000`. */
  url: string
  /** A bearer token (the bench signs in once as the demo editor). */
  token: string
  articleId: string
  doc?: Y.Doc
  /** Called when the server acks a local change as stored, with when it was sent (bench clock, ms). */
  onAcked?: (sentAt: number) => void
  /** Connection timeout. */
  timeoutMs?: number
}

/**
 * A minimal Galley client for load: one Socket.IO connection (never shared with another client,
 * never reconnecting), one article, raw y-websocket frames from shared/protocol. Unlike the
 * product's GalleyConnection it keeps no save status or offline state, so a bench process can
 * run hundreds of them. Every local change is sent as a `y` with an ack and counted in flight until
 * the server acks it.
 */
export class GalleyBenchClient implements BenchClient {
  readonly doc: Y.Doc
  readonly problems: string[] = []
  private readonly peer: SyncPeer
  private inFlightCount = 0
  private readonly inFlightWaiters: Array<{ limit: number; resolve: () => void }> = []
  private closed = false

  private constructor(
    private readonly socket: BenchSocket,
    private readonly articleId: string,
    doc: Y.Doc,
    private readonly onAcked: ((sentAt: number) => void) | undefined,
  ) {
    this.doc = doc
    this.peer = new SyncPeer(doc, (frame, purpose) => this.send(frame, purpose))
    socket.on(Events.y, (id, data) => {
      if (id !== articleId) return
      try {
        this.peer.receive(data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer))
      } catch (err) {
        this.problems.push(`could not apply a frame: ${String(err)}`)
      }
    })
    socket.on(Events.error, (event) => this.problems.push(`server error ${event.error.code}: ${event.error.message}`))
    socket.on('disconnect', (reason) => {
      if (!this.closed) this.problems.push(`disconnected: ${reason}`)
    })
  }

  /** Connects, joins the article and completes the initial sync (P7). */
  static async connect(options: GalleyClientOptions): Promise<GalleyBenchClient> {
    const socket: BenchSocket = io(options.url, {
      transports: ['websocket'],
      auth: { token: options.token },
      forceNew: true,
      reconnection: false,
      timeout: options.timeoutMs ?? 20_000,
    })
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve)
      socket.once('connect_error', (err) => {
        socket.close()
        reject(new Error(`cannot connect to ${options.url}: ${err.message}`))
      })
    })
    const client = new GalleyBenchClient(socket, options.articleId, options.doc ?? new Y.Doc(), options.onAcked)
    const joined = await new Promise<Response<JoinResult>>((resolve) => socket.emit(Events.join, options.articleId, resolve))
    if (isErrorResponse(joined)) {
      socket.close()
      throw new Error(`join ${options.articleId} refused: ${joined.error.code} ${joined.error.message}`)
    }
    await client.peer.requestSync()
    return client
  }

  get framesReceived(): number {
    return this.peer.framesReceived
  }

  get inFlight(): number {
    return this.inFlightCount
  }

  barrier(): Promise<void> {
    return this.peer.requestSync()
  }

  whenInFlightBelow(limit: number): Promise<void> {
    if (this.inFlightCount < limit) return Promise.resolve()
    return new Promise((resolve) => this.inFlightWaiters.push({ limit, resolve }))
  }

  close(): void {
    this.closed = true
    this.peer.destroy()
    this.socket.close()
  }

  private send(frame: Uint8Array, purpose: FramePurpose): void {
    if (purpose === 'sync') {
      this.socket.emit(Events.y, this.articleId, frame, (res) => this.checkAck(res))
      return
    }
    const sentAt = nowMs()
    this.inFlightCount++
    this.socket.emit(Events.y, this.articleId, frame, (res) => {
      this.onAcked?.(sentAt)
      this.inFlightCount--
      this.checkAck(res)
      for (let i = this.inFlightWaiters.length - 1; i >= 0; i--) {
        const waiter = this.inFlightWaiters[i]!
        if (this.inFlightCount < waiter.limit) {
          this.inFlightWaiters.splice(i, 1)
          waiter.resolve()
        }
      }
    })
  }

  private checkAck(res: Response): void {
    if (isErrorResponse(res)) this.problems.push(`refused: ${res.error.code} ${res.error.message}`)
  }
}
