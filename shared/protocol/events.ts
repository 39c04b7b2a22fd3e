import type { ErrorBody, Response } from './errorCodes.ts'

/** Socket.IO event names, one source for client, server and tests. */
export const Events = {
  join: 'join',
  leave: 'leave',
  y: 'y',
  error: 'error',
} as const

/** What the server acks to a `join`: the protocol version and the limit on one message's bytes. */
export interface JoinResult {
  protocolVersion: number
  maxMessageBytes: number
}

/** Ack callback for `join`. */
export type JoinAck = (res: Response<JoinResult>) => void
/** Ack callback for a client's `y`: sent only after the update is durably stored. */
export type YAck = (res: Response) => void

/** An `error` event the server emits when it cannot ack (no ack callback, or a message not tied to one). */
export interface ErrorEvent {
  articleId?: string
  error: ErrorBody
}

/** Events the client emits. */
export interface ClientToServerEvents {
  join: (articleId: string, ack: JoinAck) => void
  leave: (articleId: string) => void
  y: (articleId: string, bytes: Uint8Array, ack?: YAck) => void
}

/** Events the server emits. */
export interface ServerToClientEvents {
  y: (articleId: string, bytes: Uint8Array) => void
  error: (event: ErrorEvent) => void
}
