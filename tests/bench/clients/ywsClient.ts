import * as Y from 'yjs'
import WebSocket from 'ws'
import type { BenchClient } from './benchClient.ts'
import { SyncPeer } from './syncPeer.ts'

export interface YwsClientOptions {
  /** The server's origin, e.g. `http://127.0.0.1:4000` (the scheme is switched to ws). */
  url: string
  /** The document name: y-websocket serves `ws://host/<docName>`. */
  docName: string
  doc?: Y.Doc
  timeoutMs?: number
}

/**
 * A minimal client for the reference y-websocket server: one raw WebSocket, the same frames and
 * sync logic as the Galley bench client (SyncPeer), no acks (the reference has none).
 */
export class YwsBenchClient implements BenchClient {
  readonly doc: Y.Doc
  readonly problems: string[] = []
  readonly inFlight = 0
  private readonly peer: SyncPeer
  private closed = false

  private constructor(
    private readonly ws: WebSocket,
    doc: Y.Doc,
  ) {
    this.doc = doc
    this.peer = new SyncPeer(doc, (frame) => ws.send(frame))
    ws.on('message', (data: Buffer) => {
      try {
        this.peer.receive(data)
      } catch (err) {
        this.problems.push(`could not apply a frame: ${String(err)}`)
      }
    })
    ws.on('close', (code) => {
      if (!this.closed) this.problems.push(`closed by the server: ${code}`)
    })
    ws.on('error', (err) => this.problems.push(`socket error: ${err.message}`))
  }

  /** Opens the connection and completes the initial sync. */
  static async connect(options: YwsClientOptions): Promise<YwsBenchClient> {
    const url = `${options.url.replace(/^http/, 'ws')}/${encodeURIComponent(options.docName)}`
    // No compression, as on the Galley side (engine.io does not negotiate it by default either).
    const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: options.timeoutMs ?? 20_000 })
    ws.binaryType = 'nodebuffer'
    // Listen before the socket opens: the server sends its step 1 right away.
    const client = new YwsBenchClient(ws, options.doc ?? new Y.Doc())
    await new Promise<void>((resolve, reject) => {
      ws.once('open', resolve)
      ws.once('error', (err) => reject(new Error(`cannot connect to ${url}: ${err.message}`)))
    })
    await client.peer.requestSync()
    return client
  }

  get framesReceived(): number {
    return this.peer.framesReceived
  }

  barrier(): Promise<void> {
    return this.peer.requestSync()
  }

  whenInFlightBelow(): Promise<void> {
    return Promise.resolve()
  }

  close(): void {
    this.closed = true
    this.peer.destroy()
    this.ws.close()
  }
}
