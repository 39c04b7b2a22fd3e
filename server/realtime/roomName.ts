import type { Server } from 'socket.io'
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/index.ts'

/** The Socket.IO server with Galley's typed event maps. */
export type GalleyIo = Server<ClientToServerEvents, ServerToClientEvents>

/** The Socket.IO room of an article. Prefixed so it can never collide with a socket id. */
export function articleRoom(articleId: string): string {
  return `article:${articleId}`
}
