import * as Y from 'yjs'
import { COMMENT_MARK, readThread, writeMessage, writeNewThread, writeThreadState, type ThreadMessage } from '../../shared/article/index.ts'
import { Capability, can } from '../../shared/auth/index.ts'
import { ErrorCode, GalleyError, type Command, type CommandResult } from '../../shared/protocol/index.ts'
import { newId } from '../accounts/secrets.ts'
import { markBodySpan, type BodyRange } from '../documents/bodyMarks.ts'
import type { CommandActor } from './commandActor.ts'

export type ThreadCommand = Extract<Command, { type: `thread.${string}` | `message.${string}` }>

function requireThread(doc: Y.Doc, threadId: string) {
  const thread = readThread(doc, threadId)
  if (!thread) throw new GalleyError(ErrorCode.notFound, 'no such thread')
  return thread
}

/**
 * Opens a thread on a span of the body: the comment mark and the record in one transaction. Call
 * inside the server's transaction. `span` is the editor's relative positions or a resolved range.
 */
export function createThread(
  doc: Y.Doc,
  actor: CommandActor,
  span: { start: Uint8Array; end: Uint8Array } | BodyRange,
  body: string,
  threadId = newId(),
): CommandResult {
  if (!can(actor.role, Capability.comment)) throw new GalleyError(ErrorCode.forbidden, `a ${actor.role} may not comment`)
  if (readThread(doc, threadId)) throw new GalleyError(ErrorCode.conflict, 'a thread with that id exists already')
  const now = new Date().toISOString()
  const message: ThreadMessage = { id: newId(), author: actor.author, body, createdAt: now, editedAt: null, deletedAt: null }
  const quote = markBodySpan(doc, span, COMMENT_MARK, { threadId })
  writeNewThread(doc, { id: threadId, quote, author: actor.author, createdAt: now }, message)
  return { threadId, messageId: message.id }
}

/**
 * Checks a thread command against the document and the actor's role, and returns the change to make.
 * Everything is checked before anything is written: a Yjs transaction that throws halfway keeps
 * what it already did.
 */
export function planThreadCommand(doc: Y.Doc, actor: CommandActor, command: ThreadCommand): (doc: Y.Doc) => CommandResult {
  if (!can(actor.role, Capability.comment)) throw new GalleyError(ErrorCode.forbidden, `a ${actor.role} may not comment`)
  const now = new Date().toISOString()
  switch (command.type) {
    case 'thread.create': {
      const threadId = command.threadId ?? newId()
      const existing = readThread(doc, threadId)
      // The same author sending the same thread again (a lost ack): it is there already.
      if (existing?.author.id === actor.author.id) return () => ({ threadId, messageId: existing.messages[0]?.id ?? '' })
      if (existing) throw new GalleyError(ErrorCode.conflict, 'a thread with that id exists already')
      // createThread checks the anchor before it writes anything.
      return (d) => createThread(d, actor, command.anchor, command.body, threadId)
    }
    case 'thread.reply': {
      const thread = requireThread(doc, command.threadId)
      const sent = command.messageId ? thread.messages.find((m) => m.id === command.messageId) : undefined
      if (sent && sent.author.id === actor.author.id) return () => ({ threadId: thread.id, messageId: sent.id })
      if (sent) throw new GalleyError(ErrorCode.conflict, 'a message with that id exists already')
      const message: ThreadMessage = { id: command.messageId ?? newId(), author: actor.author, body: command.body, createdAt: now, editedAt: null, deletedAt: null }
      return (d) => {
        writeMessage(d, command.threadId, message)
        return { threadId: command.threadId, messageId: message.id }
      }
    }
    case 'thread.setState': {
      const thread = requireThread(doc, command.threadId)
      if (!can(actor.role, Capability.writeBody) && thread.author.id !== actor.author.id) {
        throw new GalleyError(ErrorCode.forbidden, 'only editors and the thread’s author resolve or reopen it')
      }
      return (d) => {
        writeThreadState(d, thread.id, command.state, actor.author, now)
        return { threadId: thread.id }
      }
    }
    case 'message.edit':
    case 'message.delete': {
      const thread = requireThread(doc, command.threadId)
      const message = thread.messages.find((m) => m.id === command.messageId)
      if (!message || message.deletedAt !== null) throw new GalleyError(ErrorCode.notFound, 'no such message')
      if (message.author.id !== actor.author.id) throw new GalleyError(ErrorCode.forbidden, 'only its author may change a message')
      const changed: ThreadMessage =
        command.type === 'message.edit' ? { ...message, body: command.body, editedAt: now } : { ...message, body: '', deletedAt: now }
      return (d) => {
        writeMessage(d, thread.id, changed)
        return { threadId: thread.id, messageId: message.id }
      }
    }
  }
}
