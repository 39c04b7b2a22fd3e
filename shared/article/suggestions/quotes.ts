/**
 * Quotations and who said them. A quotation is the words between curly double quotes, straight
 * double quotes (paired in order within a paragraph) or curly single quotes (headline style);
 * one or two words are scare quotes, not quotations. A quote left open at a paragraph's end runs
 * on when the next paragraph opens with a quote mark (the wire convention for long quotes).
 *
 * Attribution is looked for in the same sentence, outside every quotation:
 * after the quote ("…,” Smith said / said Smith / Smith, the mayor, said / according to Smith),
 * then before it (the last speech verb before the quote and the name nearest before that verb:
 * "Smith said on Monday, “…”", "Smith answered by saying that “…”"). "he"/"she" is the most
 * recent person named before it, outside quotations, whose known gender does not contradict it.
 */
import type { EntityMention } from './entities.ts'
import type { FactSuggestion } from './factSuggestion.ts'
import { sentenceEnd, sentenceStart } from './sentenceBounds.ts'
import { PERSON_PRONOUNS, SPEECH_VERBS } from './vocabulary.ts'

/** A quotation's marks and the quoted words. */
export interface Quotation {
  /** The opening mark's offset. */
  open: number
  /** Just after the closing mark, or the paragraph's end when the quote runs on. */
  close: number
  /** The quoted words, without the marks, surrounding spaces or a trailing comma. */
  from: number
  to: number
}

const MIN_QUOTE_WORDS = 3
const MAX_SINGLE_QUOTE_CHARS = 400
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu
const ATTRIBUTION_GAP = 80
const MAX_TRAILING_ATTRIBUTION_WORDS = 6

/** Paragraph (line) ranges of a text. */
function blocks(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let start = 0
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      if (i > start) out.push([start, i])
      start = i + 1
    }
  }
  return out
}

function content(text: string, open: number, end: number, close: number): Quotation | undefined {
  let from = open + 1
  let to = end
  while (from < to && /\s/.test(text[from]!)) from++
  while (to > from && /[\s,]/.test(text[to - 1]!)) to--
  return to > from ? { open, close, from, to } : undefined
}

/** Every pair of quotation marks, scare quotes included, in order. */
export function findQuotations(text: string): Quotation[] {
  const out: Quotation[] = []
  const all = blocks(text)
  all.forEach(([start, end], b) => {
    const next = all[b + 1]
    const nextOpens = (mark: string) => next !== undefined && text[next[0]] === mark
    const found: Quotation[] = []
    const push = (q: Quotation | undefined) => q && found.push(q)

    let open = -1
    const straight: number[] = []
    for (let i = start; i < end; i++) {
      const ch = text[i]
      if (ch === '“') open = i
      else if (ch === '”' && open >= 0) {
        push(content(text, open, i, i + 1))
        open = -1
      } else if (ch === '"') straight.push(i)
    }
    if (open >= 0 && nextOpens('“')) push(content(text, open, end, end))
    for (let k = 0; k + 1 < straight.length; k += 2) push(content(text, straight[k]!, straight[k + 1]!, straight[k + 1]! + 1))
    if (straight.length % 2 === 1 && nextOpens('"')) push(content(text, straight.at(-1)!, end, end))

    const inDouble = (i: number) => found.some((q) => q.open < i && i < q.close)
    for (let i = start; i < end; i++) {
      if (text[i] !== '‘' || (i > start && !/[\s“"(\[—–-]/.test(text[i - 1]!)) || inDouble(i)) continue
      for (let j = i + 1; j < Math.min(end, i + MAX_SINGLE_QUOTE_CHARS); j++) {
        if (text[j] === '’' && !/[\p{L}\p{N}]/u.test(text[j + 1] ?? '') && !/\s/.test(text[j - 1]!)) {
          push(content(text, i, j, j + 1))
          i = j
          break
        }
      }
    }
    out.push(...found.sort((x, y) => x.open - y.open))
  })
  return out
}

/** Scare quotes and titles are not quotations: fewer than three words, or every long word capitalized. */
export function isQuotation(text: string, q: Quotation): boolean {
  const words = text.slice(q.from, q.to).match(WORD) ?? []
  if (words.length < MIN_QUOTE_WORDS) return false
  const long = words.filter((w) => w.length >= 4)
  return !(long.length >= 2 && long.every((w) => /^\p{Lu}/u.test(w)))
}

/** The text with every quotation (marks included) blanked out, so attribution never reads quoted words. */
function maskQuotations(text: string, quotations: Quotation[]): string {
  let out = ''
  let at = 0
  for (const q of quotations) {
    if (q.open < at) continue
    out += text.slice(at, q.open) + ' '.repeat(q.close - q.open)
    at = q.close
  }
  return out + text.slice(at)
}

const isSpeechVerb = (word: string | undefined) => word !== undefined && SPEECH_VERBS.has(word.toLowerCase())

interface Speakers {
  /** Person and organization mentions outside quotations, in order. */
  mentions: EntityMention[]
  people: EntityMention[]
}

/** The most recent person before `pos` whose known gender fits the pronoun. */
function resolvePronoun(s: Speakers, pos: number, pronoun: string): string | undefined {
  const gender = PERSON_PRONOUNS.get(pronoun.toLowerCase())
  for (let i = s.people.length - 1; i >= 0; i--) {
    const p = s.people[i]!
    if (p.to > pos) continue
    if (gender && p.gender && p.gender !== gender) continue
    return p.canonical
  }
  return undefined
}

/** The speaker named at `pos`: a mention starting there, or "he"/"she". `found` is false when nothing is there. */
function speakerAt(s: Speakers, masked: string, pos: number): { found: boolean; speaker?: string; end: number } {
  const mention = s.mentions.find((m) => m.from === pos)
  if (mention) return { found: true, speaker: mention.canonical, end: mention.to }
  const pronoun = /^(he|she)\b/iu.exec(masked.slice(pos, pos + 4))
  if (pronoun) {
    const speaker = resolvePronoun(s, pos, pronoun[1]!)
    return { found: true, ...(speaker ? { speaker } : {}), end: pos + pronoun[0].length }
  }
  return { found: false, end: pos }
}

/** The first mention starting in [from, to), before any comma or stop: "said Secretary of State Jane Doe". */
function mentionWithin(s: Speakers, masked: string, from: number, to: number): EntityMention | undefined {
  const stop = masked.slice(from, to).search(/[,.;:]/)
  const limit = stop < 0 ? to : from + stop
  return s.mentions.find((m) => m.from >= from && m.from < limit)
}

const AFTER_SUBJECT = /^(?:\s*,[^,.;]{1,80},)?\s+(?:(?:also|later|then|again|further|previously|once|\p{L}+ly)\s+)?(\p{L}+)/u

/** "…,” Smith said", "…,” said Smith", "…,” he added", "…,” according to Smith". */
function attributionAfter(s: Speakers, masked: string, q: Quotation, endsWithStop: boolean): { found: boolean; speaker?: string } {
  const end = sentenceEnd(masked, q.close)
  const lead = /^[\s,;:—–-]*/u.exec(masked.slice(q.close, end))![0].length
  const pos = q.close + lead
  const window = masked.slice(pos, end)
  // A quote that ends its own sentence ("… the most.”) is followed by a new one, unless that is
  // only a short attribution ("“We will win.” Smith said.").
  if (endsWithStop && (window.match(/\p{L}+/gu)?.length ?? 0) > MAX_TRAILING_ATTRIBUTION_WORDS) return { found: false }

  const subject = speakerAt(s, masked, pos)
  if (subject.found && isSpeechVerb(AFTER_SUBJECT.exec(masked.slice(subject.end, end))?.[1])) return subject

  const verb = /^(\p{L}+)\s+/u.exec(window)
  if (verb && isSpeechVerb(verb[1])) {
    const at = pos + verb[0].length
    const pronoun = speakerAt(s, masked, at)
    if (pronoun.found) return pronoun
    const m = mentionWithin(s, masked, at, Math.min(end, at + 60))
    return { found: true, ...(m ? { speaker: m.canonical } : {}) }
  }
  const according = /^according\s+to\s+/iu.exec(window)
  if (according) {
    const at = pos + according[0].length
    const m = mentionWithin(s, masked, at, Math.min(end, at + 60))
    return { found: true, ...(m ? { speaker: m.canonical } : {}) }
  }
  return { found: false }
}

/** "Smith said on Monday, “…”", "Smith answered by saying that “…”", "According to Smith, “…”". */
function attributionBefore(s: Speakers, masked: string, q: Quotation): { found: boolean; speaker?: string } {
  const start = sentenceStart(masked, q.open)
  const window = masked.slice(start, q.open)

  const according = /according\s+to\s+/giu
  let lastAccording: RegExpExecArray | null = null
  for (let m = according.exec(window); m; m = according.exec(window)) lastAccording = m
  if (lastAccording) {
    const at = start + lastAccording.index + lastAccording[0].length
    const m = mentionWithin(s, masked, at, Math.min(q.open, at + 60))
    if (m) return { found: true, speaker: m.canonical }
  }

  let verbAt = -1
  let verbEnd = -1
  for (const m of window.matchAll(/\p{L}+/gu)) {
    if (isSpeechVerb(m[0]) && /^\p{Ll}/u.test(m[0])) {
      verbAt = start + m.index
      verbEnd = verbAt + m[0].length
    }
  }
  if (verbAt < 0) return { found: false }

  const pronoun = /\b(he|she)\s+(?:(?:also|later|then|again|\p{L}+ly)\s+)?$/iu.exec(masked.slice(start, verbAt))
  if (pronoun) {
    const speaker = resolvePronoun(s, start + pronoun.index, pronoun[1]!)
    return { found: true, ...(speaker ? { speaker } : {}) }
  }
  const subject = s.mentions.filter((m) => m.from >= start && m.to <= verbAt && verbAt - m.to <= ATTRIBUTION_GAP).at(-1)
  if (subject) return { found: true, speaker: subject.canonical }
  const inverted = mentionWithin(s, masked, verbEnd, Math.min(q.open, verbEnd + 60))
  return { found: true, ...(inverted ? { speaker: inverted.canonical } : {}) }
}

/** Quotations of three words or more, with their speaker when the sentence names one. */
export function findQuotes(text: string, entities: readonly EntityMention[]): FactSuggestion[] {
  const quotations = findQuotations(text)
  const masked = maskQuotations(text, quotations)
  const outside = entities.filter((e) => e.kind !== 'place' && !quotations.some((q) => q.open <= e.from && e.to <= q.close))
  const speakers: Speakers = { mentions: outside, people: outside.filter((e) => e.kind === 'person') }

  return quotations
    .filter((q) => isQuotation(text, q))
    .map((q) => {
      const after = attributionAfter(speakers, masked, q, text[q.to - 1] === '.')
      const attribution = after.found ? after : attributionBefore(speakers, masked, q)
      const suggestion: FactSuggestion = { kind: 'quote', text: text.slice(q.from, q.to), from: q.from, to: q.to }
      if (attribution.speaker) suggestion.speaker = attribution.speaker
      return suggestion
    })
}
