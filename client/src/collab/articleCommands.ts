import { ErrorCode, Events, type Command, type CommandResult, type Response } from '../../../shared/protocol/index.ts'
import type { GalleySocket } from './galleyConnection.ts'

/** What a command resolves with: the server's ack (`{ok, threadId?, messageId?, tagId?}` or `{error}`), or an error of our own. */
export type CommandAnswer = Response<CommandResult>

/** How long a command may wait for its ack before it is reported as unanswered. */
export const COMMAND_TIMEOUT_MS = 15_000

/**
 * Something that sends `command` events for articles (docs/protocol.md P14). GalleyConnection is
 * one; views take this interface, so tests can hand them a fake.
 */
export interface ArticleCommands {
  /**
   * Sends one command for `articleId` and resolves with its ack. Never rejects: a socket that is
   * not connected, or an ack that does not come, resolves with an `{error}` like the server's own.
   */
  command(articleId: string, command: Command): Promise<CommandAnswer>
}

/** The answer when there is no connection to send a command on: nothing was sent. */
export const OFFLINE_ANSWER: CommandAnswer = {
  error: { code: ErrorCode.unavailable, message: 'Not connected to the Galley server: nothing was changed. Try again when the connection is back.' },
}

/**
 * Emits `command` on `socket` and resolves with the ack. Refuses at once (OFFLINE_ANSWER) while the
 * socket is disconnected: Socket.IO would buffer the command and send it on reconnect, long after
 * the user was told whether it worked. An ack that does not arrive within `timeoutMs` resolves as
 * `unavailable`; the server may still have applied it, which the document then shows.
 */
export function sendCommand(socket: GalleySocket, articleId: string, command: Command, timeoutMs = COMMAND_TIMEOUT_MS): Promise<CommandAnswer> {
  if (!socket.connected) return Promise.resolve(OFFLINE_ANSWER)
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(Events.command, articleId, command, (err: Error | null, res: CommandAnswer) => {
      if (err) {
        resolve({ error: { code: ErrorCode.unavailable, message: 'The server did not answer in time; check the article before trying again.' } })
        return
      }
      resolve(isAnswer(res) ? res : { error: { code: ErrorCode.internal, message: 'The server sent an unexpected answer.' } })
    })
  })
}

/** True for an ack of the expected shape (never trust a peer). */
function isAnswer(value: unknown): value is CommandAnswer {
  if (typeof value !== 'object' || value === null) return false
  if ('error' in value) {
    const error = (value as { error: unknown }).error
    return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string'
  }
  return (value as { ok?: unknown }).ok === true
}
