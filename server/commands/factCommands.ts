import type * as Y from 'yjs'
import {
  FACT_MARK,
  MAX_FACT_SOURCES,
  deleteFact,
  getDismissed,
  markedSpans,
  readFact,
  writeFactChange,
  writeNewFact,
  type FactHistoryEntry,
  type FactRecord,
  type FactSource,
} from '../../shared/article/index.ts'
import { Capability, can } from '../../shared/auth/index.ts'
import { ErrorCode, GalleyError, type Command, type CommandResult } from '../../shared/protocol/index.ts'
import { newId } from '../accounts/secrets.ts'
import { markBodySpan, unmarkBody } from '../documents/bodyMarks.ts'
import type { CommandActor } from './commandActor.ts'

export type FactCommand = Extract<Command, { type: `fact.${string}` | `suggestion.${string}` }>

function requireCapability(actor: CommandActor, capability: Capability, what: string): void {
  if (!can(actor.role, capability)) throw new GalleyError(ErrorCode.forbidden, `a ${actor.role} may not ${what}`)
}

function requireFact(doc: Y.Doc, tagId: string): FactRecord {
  const fact = readFact(doc, tagId)
  if (!fact) throw new GalleyError(ErrorCode.notFound, 'no such fact tag')
  return fact
}

/** Whether two sources are the same entry (every field equal). */
function sameSource(a: FactSource, b: FactSource): boolean {
  return a.url === b.url && a.title === b.title && a.note === b.note && a.accessedAt === b.accessedAt
}

/**
 * The record's current sources without `remove` and with `add` (each only once): applied to the list
 * as it is now, not as the sender last saw it, so concurrent adds and removes all count.
 */
function changedSources(current: FactSource[], remove: FactSource[], add: FactSource[]): FactSource[] {
  const next = current.filter((s) => !remove.some((r) => sameSource(r, s)))
  for (const source of add) if (!next.some((s) => sameSource(s, source))) next.push(source)
  if (next.length > MAX_FACT_SOURCES) {
    throw new GalleyError(ErrorCode.badRequest, `a fact tag holds at most ${MAX_FACT_SOURCES} sources`)
  }
  return next
}

/** The key a dismissed suggestion is remembered under: kind and whitespace-normalized text. */
export function dismissedKey(kind: string, text: string): string {
  return `${kind}:${text.trim().replace(/\s+/g, ' ')}`
}

/**
 * Checks a fact command against the document and the actor's role and returns the change to make
 * (docs/facts.md). Nothing is written before everything is checked.
 */
export function planFactCommand(doc: Y.Doc, actor: CommandActor, command: FactCommand): (doc: Y.Doc) => CommandResult {
  const now = new Date().toISOString()
  switch (command.type) {
    case 'fact.create': {
      requireCapability(actor, Capability.tagFacts, 'tag facts')
      const tagId = command.tagId ?? newId()
      if (readFact(doc, tagId)) throw new GalleyError(ErrorCode.conflict, 'a fact tag with that id exists already')
      return (d) => {
        // markBodySpan checks the anchor before it writes anything.
        const quote = markBodySpan(d, command.anchor, FACT_MARK, { tagId })
        writeNewFact(d, {
          id: tagId,
          kind: command.kind,
          status: 'unverified',
          quote,
          sources: [],
          speaker: command.speaker ?? null,
          checkedAgainstRecording: false,
          canonicalName: command.canonicalName ?? '',
          uri: '',
          note: '',
          createdBy: actor.author,
          createdAt: now,
          verifiedText: null,
          verifiedBy: null,
          verifiedAt: null,
          updatedBy: actor.author,
          updatedAt: now,
        })
        return { tagId }
      }
    }
    case 'fact.update': {
      const fact = requireFact(doc, command.tagId)
      const { kind, status, addSources, removeSources, ...rest } = command.patch
      if (kind !== undefined && kind !== fact.kind) requireCapability(actor, Capability.tagFacts, 'change what a tag marks')
      if (status !== undefined || addSources !== undefined || removeSources !== undefined || Object.keys(rest).length > 0) {
        requireCapability(actor, Capability.checkFacts, 'check facts')
      }
      const sources = addSources || removeSources ? changedSources(fact.sources, removeSources ?? [], addSources ?? []) : rest.sources
      return (d) => {
        const fields: Partial<FactRecord> = {
          ...rest,
          ...(sources !== undefined ? { sources } : {}),
          ...(kind !== undefined ? { kind } : {}),
          updatedBy: actor.author,
          updatedAt: now,
        }
        let entry: FactHistoryEntry | undefined
        if (status !== undefined && status !== fact.status) {
          const text = markedSpans(d, FACT_MARK, 'tagId').get(fact.id) ?? ''
          entry = { by: actor.author, at: now, from: fact.status, to: status, text }
          fields.status = status
          if (status === 'verified') Object.assign(fields, { verifiedText: text, verifiedBy: actor.author, verifiedAt: now })
          else Object.assign(fields, { verifiedText: null, verifiedBy: null, verifiedAt: null })
        }
        writeFactChange(d, fact.id, fields, entry)
        return { tagId: fact.id }
      }
    }
    case 'fact.delete': {
      requireCapability(actor, Capability.tagFacts, 'remove fact tags')
      const fact = requireFact(doc, command.tagId)
      return (d) => {
        unmarkBody(d, FACT_MARK, { tagId: fact.id })
        deleteFact(d, fact.id)
        return { tagId: fact.id }
      }
    }
    case 'suggestion.dismiss': {
      requireCapability(actor, Capability.tagFacts, 'dismiss suggestions')
      return (d) => {
        getDismissed(d).set(dismissedKey(command.kind, command.text), { kind: command.kind, text: command.text.trim(), by: actor.author, at: now })
        return {}
      }
    }
  }
}
