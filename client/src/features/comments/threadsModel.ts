import type * as Y from 'yjs'
import { Observable } from 'lib0/observable'
import {
  COMMENT_MARK,
  getBody,
  getThreads,
  markedRanges,
  readThreads,
  type Author,
  type ThreadMessage,
  type ThreadRecord,
  type ThreadState,
} from '../../../../shared/article/index.ts'
import { ErrorCode, type Command, type ErrorBody } from '../../../../shared/protocol/index.ts'
import type { ArticleCommands, CommandAnswer } from '../../collab/index.ts'
import { newRecordId } from './recordId.ts'

/** Where a thread or message stands: in the document, on its way to the server, or refused. */
export type Delivery = 'stored' | 'sending' | 'failed'

/** A message as the margin shows it. */
export interface MessageView extends ThreadMessage {
  delivery: Delivery
  /** Why sending it failed (delivery `failed`). */
  error: ErrorBody | null
  /** The local operation that sends it, for retry and discard; null once stored. */
  opId: string | null
  /** True while an edit or delete of it is on its way. */
  changing: boolean
}

/** A change to an existing thread that the server refused: shown on the thread until dismissed. */
export interface ThreadProblem {
  opId: string
  /** What was tried, in words ("Resolving", "Editing your message"). */
  action: string
  error: ErrorBody
}

/** A thread as the margin shows it: the stored record with this tab's unacknowledged changes on top. */
export interface ThreadView extends Omit<ThreadRecord, 'messages'> {
  messages: MessageView[]
  /** False when all of its anchored text was deleted (an orphan, shown with its quote). */
  anchored: boolean
  /** The thread itself: stored, or opened here and not yet acked (or refused). */
  delivery: Delivery
  /** Why opening it failed (delivery `failed`). */
  error: ErrorBody | null
  /** The operation that opens it, while not stored. */
  opId: string | null
  /** True while a state change (resolve, reopen) is on its way. */
  changingState: boolean
  problems: ThreadProblem[]
}

/** Everything the margin needs, as one immutable value. */
export interface ThreadsSnapshot {
  /** Every thread, oldest first. */
  threads: ThreadView[]
  /** Threads that are open (sending or stored), for the count. */
  openCount: number
}

/** Events a ThreadsModel emits. */
export interface ThreadsModelEvents {
  /** The snapshot changed. */
  change: (snapshot: ThreadsSnapshot) => void
}

/** The span a new thread anchors on: Y.encodeRelativePosition of its ends, and the text it covers now. */
export interface NewThreadAnchor {
  start: Uint8Array
  end: Uint8Array
  quote: string
}

type OpStatus = 'sending' | 'acked' | 'failed'
type OpBase = { id: string; threadId: string; status: OpStatus; error: ErrorBody | null; ackedAt: number }
type Op = OpBase &
  (
    | { kind: 'create'; anchor: NewThreadAnchor; body: string; createdAt: string }
    | { kind: 'reply'; body: string; createdAt: string; messageId: string | null }
    | { kind: 'edit'; messageId: string; body: string }
    | { kind: 'delete'; messageId: string }
    | { kind: 'state'; state: ThreadState }
  )

/** How long an acked change may wait for the document to show it before it is no longer overlaid. */
const ACKED_GRACE_MS = 5000

const ACTION_WORDS: Record<Exclude<Op['kind'], 'create' | 'reply'>, (op: Op) => string> = {
  edit: () => 'Editing your message',
  delete: () => 'Deleting your message',
  state: (op) => (op.kind === 'state' && op.state === 'resolved' ? 'Resolving' : 'Reopening'),
}

/**
 * The comment threads of one article for one user: reads the `threads` records and which anchors
 * still cover text from the Y.Doc, sends changes as commands (docs/protocol.md P14), and shows this
 * tab's own changes at once on top of the stored records, marked `sending` until the server acks
 * them, or `failed` with the server's reason (retry or discard). Framework-free.
 */
export class ThreadsModel extends Observable<keyof ThreadsModelEvents> {
  private readonly ops = new Map<string, Op>()
  private records: ThreadRecord[]
  private anchoredIds: Set<string>
  private current: ThreadsSnapshot
  private currentKey = ''
  private graceTimer: ReturnType<typeof setTimeout> | null = null

  constructor(
    readonly doc: Y.Doc,
    readonly articleId: string,
    private readonly commands: ArticleCommands,
    /** The signed-in user, as the server will name them on what they write. */
    readonly me: Author,
  ) {
    super()
    this.records = readThreads(doc)
    this.anchoredIds = this.readAnchored()
    this.current = this.compose()
    this.currentKey = JSON.stringify(this.current)
    getThreads(doc).observeDeep(this.onThreadsChanged)
    getBody(doc).observeDeep(this.onBodyChanged)
  }

  /** The current threads; the same object until something in them changes. */
  get snapshot(): ThreadsSnapshot {
    return this.current
  }

  /** Opens a thread on `anchor` with a first message; returns its id (chosen here, so it shows at once). */
  create(anchor: NewThreadAnchor, body: string): string {
    const threadId = newRecordId()
    this.start({ id: newRecordId(), threadId, kind: 'create', anchor, body, createdAt: new Date().toISOString(), status: 'sending', error: null, ackedAt: 0 })
    return threadId
  }

  /** Adds a reply to a thread. */
  reply(threadId: string, body: string): void {
    this.start({ id: newRecordId(), threadId, kind: 'reply', body, createdAt: new Date().toISOString(), messageId: null, status: 'sending', error: null, ackedAt: 0 })
  }

  /** Replaces the body of one of the user's own messages. */
  edit(threadId: string, messageId: string, body: string): void {
    this.start({ id: newRecordId(), threadId, kind: 'edit', messageId, body, status: 'sending', error: null, ackedAt: 0 })
  }

  /** Deletes one of the user's own messages (it keeps its place, empty). */
  remove(threadId: string, messageId: string): void {
    this.start({ id: newRecordId(), threadId, kind: 'delete', messageId, status: 'sending', error: null, ackedAt: 0 })
  }

  /** Resolves or reopens a thread. */
  setState(threadId: string, state: ThreadState): void {
    this.start({ id: newRecordId(), threadId, kind: 'state', state, status: 'sending', error: null, ackedAt: 0 })
  }

  /** Sends a refused operation again (a thread or reply that could not be sent). */
  retry(opId: string): void {
    const op = this.ops.get(opId)
    if (!op || op.status !== 'failed') return
    op.status = 'sending'
    op.error = null
    this.send(op)
  }

  /** Forgets a refused operation: a thread or reply that was not sent, or a problem shown on a thread. */
  discard(opId: string): void {
    if (this.ops.delete(opId)) this.refresh()
  }

  /** Stops following the document; pending answers are ignored. */
  override destroy(): void {
    getThreads(this.doc).unobserveDeep(this.onThreadsChanged)
    getBody(this.doc).unobserveDeep(this.onBodyChanged)
    if (this.graceTimer) clearTimeout(this.graceTimer)
    this.ops.clear()
    super.destroy()
  }

  private start(op: Op): void {
    this.ops.set(op.id, op)
    this.send(op)
  }

  private send(op: Op): void {
    this.refresh()
    void this.commands.command(this.articleId, commandOf(op)).then((answer) => this.answered(op, answer))
  }

  private answered(op: Op, answer: CommandAnswer): void {
    if (this.ops.get(op.id) !== op) return
    // A create sent again after an answer that never came may find the thread already there: it worked.
    const alreadyThere = 'error' in answer && op.kind === 'create' && answer.error.code === ErrorCode.conflict && this.records.some((t) => t.id === op.threadId)
    if ('error' in answer && !alreadyThere) {
      op.status = 'failed'
      op.error = answer.error
    } else {
      op.status = 'acked'
      op.ackedAt = Date.now()
      if (op.kind === 'reply' && 'ok' in answer) op.messageId = answer.messageId ?? null
      this.scheduleGrace()
    }
    this.refresh()
  }

  private onThreadsChanged = (): void => {
    this.records = readThreads(this.doc)
    this.refresh()
  }

  private onBodyChanged = (): void => {
    const next = this.readAnchored()
    if (next.size === this.anchoredIds.size && [...next].every((id) => this.anchoredIds.has(id))) return
    this.anchoredIds = next
    this.refresh()
  }

  private readAnchored(): Set<string> {
    return new Set(markedRanges(this.doc, COMMENT_MARK, 'threadId').map((range) => range.id))
  }

  /** Drops acked operations the document now shows (or that waited too long), recomposes, and tells listeners. */
  private refresh(): void {
    const now = Date.now()
    for (const [id, op] of this.ops) {
      if (op.status === 'acked' && (this.reflected(op) || now - op.ackedAt > ACKED_GRACE_MS)) this.ops.delete(id)
    }
    const next = this.compose()
    const key = JSON.stringify(next)
    if (key === this.currentKey) return
    this.current = next
    this.currentKey = key
    this.emit('change', [next])
  }

  private scheduleGrace(): void {
    if (this.graceTimer) return
    this.graceTimer = setTimeout(() => {
      this.graceTimer = null
      this.refresh()
      if ([...this.ops.values()].some((op) => op.status === 'acked')) this.scheduleGrace()
    }, ACKED_GRACE_MS + 100)
  }

  /** True when the stored records already show what an acked operation did. */
  private reflected(op: Op): boolean {
    const thread = this.records.find((t) => t.id === op.threadId)
    if (!thread) return false
    switch (op.kind) {
      case 'create':
        return true
      case 'reply':
        return op.messageId !== null && thread.messages.some((m) => m.id === op.messageId)
      case 'edit':
        return thread.messages.some((m) => m.id === op.messageId && m.body === op.body && m.editedAt !== null)
      case 'delete':
        return thread.messages.some((m) => m.id === op.messageId && m.deletedAt !== null)
      case 'state':
        return thread.state === op.state
    }
  }

  private compose(): ThreadsSnapshot {
    const threads: ThreadView[] = this.records.map((record) => ({
      ...record,
      messages: record.messages.map((m) => ({ ...m, delivery: 'stored', error: null, opId: null, changing: false })),
      anchored: this.anchoredIds.has(record.id),
      delivery: 'stored',
      error: null,
      opId: null,
      changingState: false,
      problems: [],
    }))
    const byId = new Map(threads.map((t) => [t.id, t]))
    for (const op of this.ops.values()) {
      if (op.kind === 'create') {
        if (byId.has(op.threadId)) continue
        const view = this.localThread(op)
        threads.push(view)
        byId.set(op.threadId, view)
      }
    }
    for (const op of this.ops.values()) {
      const thread = byId.get(op.threadId)
      if (!thread || op.kind === 'create') continue
      const delivery: Delivery = op.status === 'failed' ? 'failed' : op.status === 'sending' ? 'sending' : 'stored'
      if (op.kind === 'reply') {
        if (op.messageId !== null && thread.messages.some((m) => m.id === op.messageId)) continue
        thread.messages.push({ id: op.id, author: this.me, body: op.body, createdAt: op.createdAt, editedAt: null, deletedAt: null, delivery, error: op.error, opId: op.id, changing: false })
        continue
      }
      if (op.status === 'failed') {
        thread.problems.push({ opId: op.id, action: ACTION_WORDS[op.kind](op), error: op.error ?? { code: ErrorCode.internal, message: 'unknown error' } })
        continue
      }
      if (op.kind === 'state') {
        thread.state = op.state
        thread.changingState = op.status === 'sending'
        if (op.state === 'resolved') {
          thread.resolvedBy ??= this.me
        } else {
          thread.resolvedBy = null
          thread.resolvedAt = null
        }
        continue
      }
      const index = thread.messages.findIndex((m) => m.id === op.messageId)
      const message = thread.messages[index]
      if (!message) continue
      thread.messages[index] =
        op.kind === 'edit'
          ? { ...message, body: op.body, editedAt: message.editedAt ?? message.createdAt, changing: op.status === 'sending' }
          : { ...message, body: '', deletedAt: message.deletedAt ?? message.createdAt, changing: op.status === 'sending' }
    }
    threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    return { threads, openCount: threads.filter((t) => t.state === 'open' && t.delivery !== 'failed').length }
  }

  private localThread(op: Extract<Op, { kind: 'create' }>): ThreadView {
    const delivery: Delivery = op.status === 'failed' ? 'failed' : op.status === 'sending' ? 'sending' : 'stored'
    return {
      id: op.threadId,
      quote: op.anchor.quote,
      author: this.me,
      createdAt: op.createdAt,
      state: 'open',
      resolvedBy: null,
      resolvedAt: null,
      messages: [{ id: op.id, author: this.me, body: op.body, createdAt: op.createdAt, editedAt: null, deletedAt: null, delivery, error: op.error, opId: op.id, changing: false }],
      anchored: true,
      delivery,
      error: op.error,
      opId: op.id,
      changingState: false,
      problems: [],
    }
  }
}

/** The command an operation sends. */
function commandOf(op: Op): Command {
  switch (op.kind) {
    case 'create':
      return { type: 'thread.create', threadId: op.threadId, anchor: { start: op.anchor.start, end: op.anchor.end }, body: op.body }
    case 'reply':
      return { type: 'thread.reply', threadId: op.threadId, body: op.body }
    case 'edit':
      return { type: 'message.edit', threadId: op.threadId, messageId: op.messageId, body: op.body }
    case 'delete':
      return { type: 'message.delete', threadId: op.threadId, messageId: op.messageId }
    case 'state':
      return { type: 'thread.setState', threadId: op.threadId, state: op.state }
  }
}
