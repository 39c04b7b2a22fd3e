import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import { io as connect, type Socket as ClientSocket } from 'socket.io-client'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { FrameFanoutAdapter } from '../../server/realtime/frameFanoutAdapter.ts'
import { eventually } from '../helpers/eventually.ts'

/**
 * The fan-out adapter must put on the wire exactly what Socket.IO's own adapter does (P1 is not
 * changed by it), write directly only when that keeps engine.io's order, and fall back otherwise.
 */

interface TestIo {
  io: Server
  http: HttpServer
  port: number
}

const started: TestIo[] = []
const clients: Array<{ close(): void }> = []

afterEach(async () => {
  for (const c of clients.splice(0)) c.close()
  for (const { io } of started.splice(0)) await io.close()
})

async function startIo(adapter: 'fanout' | 'default'): Promise<TestIo> {
  const http = createServer()
  const io = new Server(http, { serveClient: false, ...(adapter === 'fanout' ? { adapter: FrameFanoutAdapter } : {}) })
  io.on('connection', (socket) => void socket.join('room'))
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const running = { io, http, port: (http.address() as AddressInfo).port }
  started.push(running)
  return running
}

function statsOf(io: Server): { direct: number; engine: number } {
  return (io.of('/').adapter as unknown as FrameFanoutAdapter).stats
}

/** A raw Engine.IO v4 WebSocket client that records every frame after the namespace connect. */
async function rawClient(port: number): Promise<{ frames: Array<{ binary: boolean; bytes: string }>; sid: string }> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`)
  clients.push({ close: () => socket.close() })
  const frames: Array<{ binary: boolean; bytes: string }> = []
  const sid = await new Promise<string>((resolve, reject) => {
    socket.on('error', reject)
    socket.on('message', (data: Buffer, binary: boolean) => {
      const text = data.toString()
      if (!binary && text.startsWith('0')) socket.send('40')
      else if (!binary && text.startsWith('40')) resolve((JSON.parse(text.slice(2)) as { sid: string }).sid)
      else frames.push({ binary, bytes: binary ? data.toString('hex') : text })
    })
  })
  return { frames, sid }
}

async function socketIoClient(port: number, transports: Array<'polling' | 'websocket'>): Promise<ClientSocket> {
  const socket = connect(`http://127.0.0.1:${port}`, { transports, forceNew: true, reconnection: false })
  clients.push(socket)
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('connect_error', reject)
  })
  return socket
}

/** Views into a larger buffer, as Yjs and lib0 hand them out: only the view's bytes may go out. */
function viewOf(bytes: number[]): Uint8Array {
  const backing = new Uint8Array(bytes.length + 16).fill(0xee)
  backing.set(bytes, 8)
  return backing.subarray(8, 8 + bytes.length)
}

describe('FrameFanoutAdapter', () => {
  it('puts on the wire byte for byte what Socket.IO’s own adapter sends, and skips the excluded socket', async () => {
    const recorded: Array<Array<Array<{ binary: boolean; bytes: string }>>> = []
    for (const kind of ['fanout', 'default'] as const) {
      const { io, port } = await startIo(kind)
      const peers = [await rawClient(port), await rawClient(port), await rawClient(port)]
      await eventually(() => expect(io.sockets.adapter.rooms.get('room')?.size).toBe(3))
      const excluded = peers[0]!.sid
      io.to('room').except(excluded).emit('y', 'article-1', viewOf([0, 2, 5, 1, 2, 3, 4, 5]))
      io.to('room').emit('y', 'article-2', viewOf([1, 200, 1, 7]))
      io.to('room').emit('presence', { names: ['Ann', 'Bo'] })
      io.to('room').except(excluded).emit('two', viewOf([9]), { nested: viewOf([8, 7]) })
      await eventually(() => {
        expect(peers[1]!.frames).toHaveLength(8)
        expect(peers[0]!.frames).toHaveLength(3)
      })
      recorded.push(peers.map((p) => p.frames))
      if (kind === 'fanout') expect(statsOf(io)).toEqual({ direct: 7, engine: 0 })
    }
    const [fanout, reference] = recorded
    expect(fanout).toEqual(reference)
    expect(fanout![1]![1]).toEqual({ binary: true, bytes: '0002050102030405' })
  })

  it('keeps the order of packets engine.io already queued: a reply in flight, then a broadcast', async () => {
    const { io, port } = await startIo('fanout')
    const client = await socketIoClient(port, ['websocket'])
    const received: string[] = []
    client.on('reply', (bytes: Buffer) => received.push(`reply:${[...bytes].join(',')}`))
    client.on('y', (id: string, bytes: Buffer) => received.push(`${id}:${[...bytes].join(',')}`))
    const [serverSocket] = await io.fetchSockets()
    const before = { ...statsOf(io) }
    // A binary event is two packets: engine.io writes the first and queues the second until the
    // write completes. The broadcast must wait behind it, or the client pairs the wrong bytes.
    io.sockets.sockets.get(serverSocket!.id)!.emit('reply', Buffer.from([1, 1]))
    io.to('room').emit('y', 'a', Buffer.from([2, 2]))
    io.to('room').emit('y', 'b', Buffer.from([3, 3]))
    await eventually(() => expect(received).toEqual(['reply:1,1', 'a:2,2', 'b:3,3']))
    expect(statsOf(io).engine - before.engine).toBe(2)
    // Once the queue is empty again the direct path is back.
    io.to('room').emit('y', 'c', Buffer.from([4]))
    await eventually(() => expect(received.at(-1)).toBe('c:4'))
    expect(statsOf(io).direct - before.direct).toBe(1)
  })

  it('delivers to long-polling clients and to clients still upgrading through engine.io', async () => {
    const { io, port } = await startIo('fanout')
    const polling = await socketIoClient(port, ['polling'])
    const upgrading = await socketIoClient(port, ['polling', 'websocket'])
    const got = { polling: [] as string[], upgrading: [] as string[] }
    polling.on('y', (id: string, bytes: Buffer) => got.polling.push(`${id}:${[...bytes].join(',')}`))
    upgrading.on('y', (id: string, bytes: Buffer) => got.upgrading.push(`${id}:${[...bytes].join(',')}`))
    await eventually(() => expect(io.sockets.adapter.rooms.get('room')?.size).toBe(2))
    const expected: string[] = []
    for (let i = 0; i < 20; i++) {
      io.to('room').emit('y', `u${i}`, Buffer.from([i, i + 1]))
      expected.push(`u${i}:${i},${i + 1}`)
      await new Promise((r) => setTimeout(r, 5))
    }
    await eventually(() => {
      expect(got.polling).toEqual(expected)
      expect(got.upgrading).toEqual(expected)
    })
    expect(statsOf(io).engine).toBeGreaterThanOrEqual(20)
  })
})
