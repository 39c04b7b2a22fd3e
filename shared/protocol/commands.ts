import { z } from 'zod'
import { MAX_FACT_SOURCES, MAX_FACT_TEXT_CHARS } from '../article/facts.ts'
import { FACT_KINDS, FACT_STATUSES } from '../article/factVocabulary.ts'
import { MAX_MESSAGE_CHARS, THREAD_STATES } from '../article/threads.ts'

/** Largest encoded Yjs relative position a command accepts (bytes). */
const MAX_RELATIVE_POSITION_BYTES = 256
/** Ids the client picks for new records: url-safe, 8–64 characters. */
export const RECORD_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/

const recordId = z.string().regex(RECORD_ID_PATTERN, 'expected an id of 8–64 url-safe characters')
const relativePosition = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'expected an encoded Yjs relative position' })
  .refine((bytes) => bytes.length > 0 && bytes.length <= MAX_RELATIVE_POSITION_BYTES, 'relative position too large or empty')
const messageBody = z
  .string()
  .max(MAX_MESSAGE_CHARS, `a message holds at most ${MAX_MESSAGE_CHARS} characters`)
  .refine((s) => s.trim() !== '', 'a message may not be empty')

const shortText = z.string().max(MAX_FACT_TEXT_CHARS)
const httpUrl = z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' })])
const anchor = z.strictObject({ start: relativePosition, end: relativePosition })
const factSource = z.strictObject({
  url: httpUrl,
  title: shortText,
  note: shortText,
  accessedAt: z.union([z.literal(''), z.iso.date()]),
})
const factSources = z.array(factSource).max(MAX_FACT_SOURCES)
const factPatch = z.strictObject({
  kind: z.enum(FACT_KINDS).optional(),
  /** `needs-recheck` is set by Galley when verified words change, never by hand. */
  status: z
    .enum(FACT_STATUSES)
    .refine((s) => s !== 'needs-recheck', 'needs-recheck is set by Galley when verified words change')
    .optional(),
  /** Replaces the whole list: what a script that owns the record sends. */
  sources: factSources.optional(),
  /**
   * Changes the list as the server has it when the command arrives, so that two checkers adding
   * sources at once both keep theirs: `removeSources` drops each given source (matched by value;
   * one already gone is no error), then `addSources` appends each one not listed yet.
   */
  removeSources: factSources.optional(),
  addSources: factSources.optional(),
  speaker: z.strictObject({ tagId: recordId.nullable(), name: shortText }).nullable().optional(),
  checkedAgainstRecording: z.boolean().optional(),
  canonicalName: shortText.optional(),
  uri: httpUrl.optional(),
  note: shortText.optional(),
}).refine((patch) => patch.sources === undefined || (patch.addSources === undefined && patch.removeSources === undefined), {
  message: 'send either sources (the whole list) or addSources/removeSources, not both',
})

/**
 * The validated commands of the `command` event (docs/protocol.md P14): changes the server makes to
 * the live document on a user's behalf, for roles that may change only part of it. Each command is
 * checked against the user's role, applied by the server with its own origin, stored, and then acked.
 */
export const CommandSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('thread.create'),
    /** Optional client-chosen id, so the client can open the thread before the ack. */
    threadId: recordId.optional(),
    /** The span to anchor on: Y.encodeRelativePosition of its start and end in the body. */
    anchor: z.strictObject({ start: relativePosition, end: relativePosition }),
    body: messageBody,
  }),
  /** `messageId`: optional, client-chosen, so that sending a reply again after a lost ack does not post it twice. */
  z.strictObject({ type: z.literal('thread.reply'), threadId: recordId, messageId: recordId.optional(), body: messageBody }),
  z.strictObject({ type: z.literal('thread.setState'), threadId: recordId, state: z.enum(THREAD_STATES) }),
  z.strictObject({ type: z.literal('message.edit'), threadId: recordId, messageId: recordId, body: messageBody }),
  z.strictObject({ type: z.literal('message.delete'), threadId: recordId, messageId: recordId }),
  z.strictObject({
    type: z.literal('fact.create'),
    tagId: recordId.optional(),
    kind: z.enum(FACT_KINDS),
    anchor,
    /** Optional first values, e.g. from an accepted suggestion. */
    speaker: z.strictObject({ tagId: recordId.nullable(), name: shortText }).nullable().optional(),
    canonicalName: shortText.optional(),
  }),
  z.strictObject({ type: z.literal('fact.update'), tagId: recordId, patch: factPatch }),
  z.strictObject({ type: z.literal('fact.delete'), tagId: recordId }),
  z.strictObject({ type: z.literal('suggestion.dismiss'), kind: z.enum(FACT_KINDS), text: shortText.min(1) }),
])
export type Command = z.infer<typeof CommandSchema>
export type CommandType = Command['type']

/** What a successful command returns besides `ok`. */
export interface CommandResult {
  threadId?: string
  messageId?: string
  tagId?: string
}
