import type { Capability, Role } from '../auth/roles.ts'
import type { Command, CommandResult } from './commands.ts'
import type { ErrorBody, Response } from './errorCodes.ts'

/** Socket.IO event names, one source for client, server and tests. */
export const Events = {
  join: 'join',
  leave: 'leave',
  y: 'y',
  command: 'command',
  access: 'access',
  error: 'error',
} as const

/** What the server acks to a `join`: the protocol version, the limit on one message's bytes, the user's role. */
export interface JoinResult {
  protocolVersion: number
  maxMessageBytes: number
  role: Role
  capabilities: Capability[]
}

/** Ack callback for `command`. */
export type CommandAck = (res: Response<CommandResult>) => void

/** Sent when the user's role on a joined article changes; `role: null` means access was removed and the article left. */
export interface AccessEvent {
  articleId: string
  role: Role | null
  capabilities: Capability[]
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
  command: (articleId: string, command: Command, ack: CommandAck) => void
}

/** Events the server emits. */
export interface ServerToClientEvents {
  y: (articleId: string, bytes: Uint8Array) => void
  access: (event: AccessEvent) => void
  error: (event: ErrorEvent) => void
}
