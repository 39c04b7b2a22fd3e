import type { Socket as TcpSocket } from 'node:net'
import * as ws from 'ws'

/**
 * What the realtime layer reads of an engine.io connection and its ws WebSocket, which their typings
 * call private (engine.io 6.6, ws 8). Every member is checked before use, so a version that changes
 * them makes the callers fall back to engine.io's own path instead of misbehaving.
 */
export interface ConnectionInternals {
  readyState?: string
  upgrading?: boolean
  writeBuffer?: unknown[]
  transport?: {
    name?: string
    supportsBinary?: boolean
    perMessageDeflate?: unknown
    socket?: {
      readyState?: number
      _socket?: TcpSocket
      _sender?: { _queue?: unknown[] }
    }
  }
}

/**
 * The TCP socket under an engine.io connection whose frames can go onto it as they are: an open,
 * binary-capable, uncompressed WebSocket transport with no upgrade under way. Null otherwise
 * (long-polling, mid-upgrade, closing, compression on).
 */
export function webSocketTcp(conn: ConnectionInternals): TcpSocket | null {
  const transport = conn.transport
  if (conn.readyState !== 'open' || conn.upgrading !== false) return null
  if (transport?.name !== 'websocket' || transport.supportsBinary !== true || transport.perMessageDeflate) return null
  const tcp = transport.socket?._socket
  if (transport.socket?.readyState !== ws.WebSocket.OPEN || tcp?.writable !== true) return null
  return tcp
}

/** Whether engine.io or ws holds packets for this connection that have not reached its TCP socket yet. */
export function hasQueuedPackets(conn: ConnectionInternals): boolean {
  return conn.writeBuffer?.length !== 0 || conn.transport?.socket?._sender?._queue?.length !== 0
}
