import * as Y from 'yjs'
import { decodeFrame, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from '../../../shared/protocol/index.ts'

/** The transaction origin of every change a peer applies from the server: such changes are never sent back. */
export const FROM_SERVER = Symbol('from-server')

/** What a frame is for: a local `edit` (counts as a change to store) or `sync` bookkeeping. */
export type FramePurpose = 'edit' | 'sync'

/** Sends one y-websocket frame over whatever transport the client has. */
export type FrameSink = (frame: Uint8Array, purpose: FramePurpose) => void

/**
 * The y-websocket sync logic both bench clients share, with nothing else: answers the server's
 * sync step 1, applies its step 2 and updates, sends every local change as one update frame, and
 * ignores awareness (the bench has no presence). Frames are built and read with shared/protocol.
 */
export class SyncPeer {
  /** Frames received from the server, of any kind. */
  framesReceived = 0
  private readonly step2Waiters: Array<() => void> = []

  constructor(
    readonly doc: Y.Doc,
    private readonly sink: FrameSink,
  ) {
    doc.on('update', this.onUpdate)
  }

  /**
   * Sends our sync step 1 and resolves when the server's step 2 answers it. Frames on one
   * connection are handled in order, so this is also a barrier: every frame sent before it has
   * reached the server's document when it resolves.
   */
  requestSync(): Promise<void> {
    return new Promise((resolve) => {
      this.step2Waiters.push(resolve)
      this.sink(encodeSyncStep1(Y.encodeStateVector(this.doc)), 'sync')
    })
  }

  /** Handles one frame from the server. Throws on a frame that does not decode. */
  receive(bytes: Uint8Array): void {
    this.framesReceived++
    const frame = decodeFrame(bytes)
    switch (frame.kind) {
      case 'sync-step1':
        this.sink(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, frame.stateVector)), 'sync')
        break
      case 'sync-step2':
        Y.applyUpdate(this.doc, frame.update, FROM_SERVER)
        // Servers send step 2 only to answer a step 1, in order: the oldest waiter is the one answered.
        this.step2Waiters.shift()?.()
        break
      case 'update':
        Y.applyUpdate(this.doc, frame.update, FROM_SERVER)
        break
      case 'awareness':
        break
    }
  }

  /** Stops sending local changes. */
  destroy(): void {
    this.doc.off('update', this.onUpdate)
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin !== FROM_SERVER) this.sink(encodeUpdate(update), 'edit')
  }
}
