import * as Y from 'yjs'
import { getThreads } from './articleDoc.ts'

/** Longest message body (characters). */
export const MAX_MESSAGE_CHARS = 10_000
/** Longest anchor quote kept with a thread (characters); longer spans keep their start. */
export const MAX_QUOTE_CHARS = 2_000

export const THREAD_STATES = ['open', 'resolved'] as const
export type ThreadState = (typeof THREAD_STATES)[number]

/** Who wrote something: the id that rules are checked against, the name shown. */
export interface Author {
  id: string
  name: string
}

/** One message of a thread. Deleted messages keep their place with an empty body. */
export interface ThreadMessage {
  id: string
  author: Author
  /** Plain text; `@Name` mentions are resolved by the client against the article's members. */
  body: string
  createdAt: string
  editedAt: string | null
  deletedAt: string | null
}

/** A comment thread as stored in the article's `threads` map. */
export interface ThreadRecord {
  id: string
  /** The text the anchor covered when the thread was opened, kept for orphans. */
  quote: string
  author: Author
  createdAt: string
  state: ThreadState
  resolvedBy: Author | null
  resolvedAt: string | null
  messages: ThreadMessage[]
}

/**
 * The Yjs shape of one thread: a Y.Map of the fields above, with `messages` a Y.Map of message
 * objects by id, so that changes to different messages and to the state merge.
 */
type ThreadMap = Y.Map<unknown>

function threadMap(doc: Y.Doc, threadId: string): ThreadMap | null {
  const value = getThreads(doc).get(threadId)
  return value instanceof Y.Map ? (value as ThreadMap) : null
}

function messagesOf(thread: ThreadMap): Y.Map<ThreadMessage> {
  return thread.get('messages') as Y.Map<ThreadMessage>
}

function authorOf(value: unknown): Author {
  const a = value as Partial<Author> | null
  return { id: typeof a?.id === 'string' ? a.id : '', name: typeof a?.name === 'string' ? a.name : '' }
}

/** One thread read out of the document, or null when there is none with that id. */
export function readThread(doc: Y.Doc, threadId: string): ThreadRecord | null {
  const map = threadMap(doc, threadId)
  if (!map) return null
  const messages = map.get('messages')
  return {
    id: threadId,
    quote: String(map.get('quote') ?? ''),
    author: authorOf(map.get('author')),
    createdAt: String(map.get('createdAt') ?? ''),
    state: map.get('state') === 'resolved' ? 'resolved' : 'open',
    resolvedBy: map.get('resolvedBy') ? authorOf(map.get('resolvedBy')) : null,
    resolvedAt: typeof map.get('resolvedAt') === 'string' ? (map.get('resolvedAt') as string) : null,
    messages:
      messages instanceof Y.Map
        ? [...(messages as Y.Map<ThreadMessage>).values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
        : [],
  }
}

/** Every thread in the document, oldest first. */
export function readThreads(doc: Y.Doc): ThreadRecord[] {
  return [...getThreads(doc).keys()]
    .map((id) => readThread(doc, id))
    .filter((t): t is ThreadRecord => t !== null)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
}

/** Writes a new thread with its first message. Call inside the transaction that adds its mark. */
export function writeNewThread(
  doc: Y.Doc,
  thread: { id: string; quote: string; author: Author; createdAt: string },
  first: ThreadMessage,
): void {
  const map: ThreadMap = new Y.Map()
  const messages = new Y.Map<ThreadMessage>()
  getThreads(doc).set(thread.id, map)
  map.set('quote', thread.quote.slice(0, MAX_QUOTE_CHARS))
  map.set('author', thread.author)
  map.set('createdAt', thread.createdAt)
  map.set('state', 'open')
  map.set('resolvedBy', null)
  map.set('resolvedAt', null)
  map.set('messages', messages)
  messages.set(first.id, first)
}

/** Adds or replaces a message of a thread; false when there is no such thread. */
export function writeMessage(doc: Y.Doc, threadId: string, message: ThreadMessage): boolean {
  const map = threadMap(doc, threadId)
  if (!map) return false
  messagesOf(map).set(message.id, message)
  return true
}

/** Sets a thread's state; false when there is no such thread. */
export function writeThreadState(doc: Y.Doc, threadId: string, state: ThreadState, by: Author, at: string): boolean {
  const map = threadMap(doc, threadId)
  if (!map) return false
  map.set('state', state)
  map.set('resolvedBy', state === 'resolved' ? by : null)
  map.set('resolvedAt', state === 'resolved' ? at : null)
  return true
}
