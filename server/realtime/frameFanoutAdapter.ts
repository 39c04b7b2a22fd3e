import { Adapter, type BroadcastOptions } from 'socket.io-adapter'
import type { Packet } from 'socket.io-parser'
import type { Socket } from 'socket.io'
import * as ws from 'ws'
import { hasQueuedPackets, webSocketTcp, type ConnectionInternals } from './engineConnection.ts'

/** A WebSocket frame as ws builds it: header and payload, written one after the other. */
type Frame = readonly Buffer[]

interface FrameOptions {
  readOnly: boolean
  mask: boolean
  rsv1: boolean
  opcode: number
  fin: boolean
}

/** ws's frame builder, the one Socket.IO's adapter uses for its pre-encoded frames (missing from @types/ws). */
const { Sender } = ws as unknown as { Sender: { frame(data: Buffer, options: FrameOptions): Frame } }

const TEXT = 1
const BINARY = 2
/** The engine.io packet type "message": the prefix of every Socket.IO packet sent as text. */
const ENGINE_MESSAGE = '4'

type EncodedPacket = string | Uint8Array
interface PacketOptions {
  preEncoded: true
  volatile?: boolean
  compress?: boolean
}

/**
 * Members of Socket.IO's adapter and client that its typings call private; the base adapter's own
 * `broadcast` uses them exactly so (socket.io-adapter 2.5, socket.io 4.8).
 */
interface AdapterInternals {
  _encode(packet: Packet, packetOpts: PacketOptions): EncodedPacket[]
  apply(opts: BroadcastOptions, callback: (socket: Socket) => void): void
  computeExceptSids(exceptRooms: Set<string> | undefined): Set<string>
}
interface SocketInternals {
  notifyOutgoingListeners?: (packet: Packet) => void
  client: { writeToEngine(encoded: EncodedPacket[], opts: PacketOptions): void }
}

/** How broadcasts with binary data reached their sockets since the server started. */
export interface FanoutStats {
  /** Deliveries written as one write of all their frames. */
  direct: number
  /** Deliveries that took engine.io's usual path (polling, upgrade under way, packets queued before them). */
  engine: number
}

/** One unmasked, final WebSocket frame, as the server side of ws frames it. */
function frameOf(data: Buffer, opcode: typeof TEXT | typeof BINARY): Frame {
  return Sender.frame(data, { readOnly: false, mask: false, rsv1: false, opcode, fin: true })
}

/**
 * The WebSocket frames of one encoded Socket.IO packet, exactly as engine.io's WebSocket transport
 * frames them, back to back in one buffer.
 */
function framesOf(encoded: readonly EncodedPacket[]): Buffer {
  const frames = encoded.map((part) =>
    typeof part === 'string'
      ? frameOf(Buffer.from(ENGINE_MESSAGE + part), TEXT)
      : frameOf(Buffer.from(part.buffer, part.byteOffset, part.byteLength), BINARY),
  )
  return Buffer.concat(frames.flat())
}

/**
 * Writes a delivery's frames straight onto its WebSocket's TCP socket in one write, when that keeps
 * the order engine.io would have kept: a WebSocket that takes frames as they are (webSocketTcp) and
 * nothing queued in engine.io or ws that would have to go first. Returns false without writing
 * anything otherwise.
 */
function writeFramesDirectly(conn: ConnectionInternals, frames: Buffer): boolean {
  const tcp = webSocketTcp(conn)
  if (!tcp || hasQueuedPackets(conn)) return false
  tcp.write(frames)
  return true
}

/**
 * Socket.IO's in-memory adapter, except for how a broadcast with binary data (every `y` frame, P1)
 * reaches each socket. Socket.IO sends such an event as two packets, a JSON header and then the
 * bytes, and engine.io writes the second only from the write callback of the first: two system
 * calls and a callback cycle per delivery, and both frames built again for every socket. Here the
 * frames are built once per broadcast and each socket gets them in one write of one buffer, byte
 * for byte what engine.io would have sent, so the wire protocol is unchanged (docs/protocol.md,
 * P10; measured in docs/benchmarks.md). `stats` counts which way each delivery went.
 */
export class FrameFanoutAdapter extends Adapter {
  readonly stats: FanoutStats = { direct: 0, engine: 0 }

  override broadcast(packet: Packet, opts: BroadcastOptions): void {
    const flags = opts.flags ?? {}
    if (flags.volatile || flags.compress) {
      super.broadcast(packet, opts)
      return
    }
    packet.nsp = this.nsp.name
    const packetOpts: PacketOptions = { preEncoded: true }
    const internals = this as unknown as AdapterInternals
    const encoded = internals._encode(packet, packetOpts)
    // A packet without binary data is one text frame, which the base adapter already builds once.
    const binary = encoded.length > 1
    // Built on the first delivery: a broadcast to a room where only its sender is costs nothing.
    let frames: Buffer | null = null
    this.forEachTarget(opts, (socket) => {
      const target = socket as unknown as SocketInternals
      target.notifyOutgoingListeners?.(packet)
      if (binary) {
        frames ??= framesOf(encoded)
        if (writeFramesDirectly(socket.conn as unknown as ConnectionInternals, frames)) {
          this.stats.direct++
          return
        }
        this.stats.engine++
      }
      target.client.writeToEngine(encoded, packetOpts)
    })
  }

  /**
   * The sockets a broadcast reaches, as the base adapter's `apply` finds them. A broadcast to one
   * room (every article broadcast, P10) needs no set to skip sockets already reached through another
   * room, so it is walked directly; anything else goes through `apply`.
   */
  private forEachTarget(opts: BroadcastOptions, callback: (socket: Socket) => void): void {
    const internals = this as unknown as AdapterInternals
    if (opts.rooms.size !== 1) {
      internals.apply(opts, callback)
      return
    }
    const [room] = opts.rooms
    const members = this.rooms.get(room!)
    if (!members) return
    const except = opts.except && opts.except.size > 0 ? internals.computeExceptSids(opts.except) : null
    for (const id of members) {
      if (except?.has(id)) continue
      const socket = this.nsp.sockets.get(id)
      if (socket) callback(socket)
    }
  }
}
