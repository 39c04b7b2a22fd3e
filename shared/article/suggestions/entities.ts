/**
 * People, organizations and places. Every rule proposes candidates with a priority; overlapping
 * candidates are settled by priority, then length, so a strong pattern ("State Department": a
 * name ending in an organization word) beats a weak reading of the same words (compromise's
 * guess that "State" is a place). Priorities, strongest first:
 *
 * - titles and organization words: "Secretary of State X", "X Department", "Ministry of X", "White House";
 * - the desk's known entities (their own kind wins when the words are exactly the same);
 * - a surname alone after the full name was mentioned;
 * - shapes: acronyms ("NATO"), country letters ("US"), "the Kremlin";
 * - compromise's tags: a first name starts a name; a name right before or after a speech verb;
 * - places by compromise's lexicon or a place word ("Main Street"), then after "in"/"near";
 * - compromise's own people(), organizations(), places(), cleaned of titles and punctuation.
 */
import type { FactKind } from '../factVocabulary.ts'
import type { NameRun } from './nameRuns.ts'
import { hasTag, isAllCaps, isCountry, isNameLike, isPlace, isPlaceAbbreviation, isPossessive, isTitle, nameEnd, nameRuns } from './nameRuns.ts'
import type { TextAnalysis, Token, TokenRange } from './textAnalysis.ts'
import { isDictionaryWord } from './textAnalysis.ts'
import {
  COMMON_ABBREVIATIONS,
  DEPARTMENT_WORDS,
  GOVERNMENT_HEADS,
  INSTITUTION_WORDS,
  normalWord,
  ORGANIZATION_ABBREVIATIONS,
  ORGANIZATION_HEADS,
  PLACE_HEADS,
  PLACE_PREPOSITIONS,
  SPEECH_VERBS,
  STANDALONE_INSTITUTIONS,
  TITLE_MODIFIERS,
} from './vocabulary.ts'

export type EntityKind = 'person' | 'organization' | 'place'

/** One mention of a person, organization or place. */
export interface EntityMention {
  kind: EntityKind
  from: number
  to: number
  text: string
  /** People: the full name at its first full mention ("Jane Smith" for a later "Smith"); others: the text. */
  canonical: string
  /** People: the gender a first name or honorific implies, if any (for "he"/"she"). */
  gender?: 'male' | 'female'
}

interface Candidate {
  kind: EntityKind
  from: number
  to: number
  priority: number
  known?: boolean
}

const PRIORITY = {
  sameWordsAsKnown: 200,
  strong: 100,
  known: 95,
  surname: 85,
  shape: 80,
  tagged: 70,
  placeTagged: 60,
  cued: 50,
  compromise: 30,
} as const

const ENTITY_KINDS: readonly FactKind[] = ['person', 'organization', 'place']
const isEntityKind = (kind: FactKind): kind is EntityKind => ENTITY_KINDS.includes(kind)
const WORD_CHAR = /[\p{L}\p{N}]/u

/** Every whole-word occurrence of `needle` in `text`. */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = []
  if (needle.length === 0) return out
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const before = text[at - 1]
    const after = text[at + needle.length]
    const startsWord = WORD_CHAR.test(needle[0]!)
    const endsWord = WORD_CHAR.test(needle.at(-1)!)
    if ((startsWord && before !== undefined && WORD_CHAR.test(before)) || (endsWord && after !== undefined && WORD_CHAR.test(after))) continue
    out.push(at)
  }
  return out
}

/** Settles overlaps: the strongest candidate wins, then the longest, then the first. */
function settle(candidates: Candidate[]): Candidate[] {
  for (const c of candidates) {
    if (c.known && candidates.some((o) => !o.known && o.from === c.from && o.to === c.to)) c.priority = PRIORITY.sameWordsAsKnown
  }
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || b.to - b.from - (a.to - a.from) || a.from - b.from)
  const taken: Candidate[] = []
  for (const c of ordered) {
    if (c.to > c.from && !taken.some((t) => t.from < c.to && c.from < t.to)) taken.push(c)
  }
  return taken.sort((a, b) => a.from - b.from)
}

class CandidateCollector {
  readonly candidates: Candidate[] = []
  /** Words that belong to a title ("Secretary of State"): never part of a name. */
  readonly titleTokens = new Set<number>()

  constructor(private readonly tokens: Token[]) {}

  add(kind: EntityKind, first: number, last: number, priority: number): void {
    if (first > last) return
    this.candidates.push({ kind, from: this.tokens[first]!.from, to: nameEnd(this.tokens[last]!), priority })
  }
}

/** A name after a title is believable: one to four words, not an organization or place word, no plural noun. */
function plausibleName(tokens: Token[], r: TokenRange): boolean {
  const n = r.last - r.first + 1
  if (n < 1 || n > 4) return false
  const words = tokens.slice(r.first, r.last + 1)
  const last = normalWord(words.at(-1)!.text)
  if (ORGANIZATION_HEADS.has(last) || PLACE_HEADS.has(last)) return false
  if (words.every(isCountry)) return false
  return words.every(
    (t) =>
      !(isAllCaps(t) && t.text.length > 1) &&
      !(hasTag(t, 'Plural') && !hasTag(t, 'Person', 'FirstName', 'LastName')) &&
      !hasTag(t, 'Organization'),
  )
}

/** The lower-case word before a token, if any. */
function wordBefore(tokens: Token[], index: number): string {
  const prev = tokens[index - 1]
  return prev && /^\s+$/.test(prev.after) ? prev.text.toLowerCase() : ''
}

/** A speech verb right after the run ("Jane Doe said", "Jane Doe also said") or right before it ("said Jane Doe"). */
function nextToSpeechVerb(tokens: Token[], r: TokenRange): boolean {
  const after = tokens[r.last + 1]
  const afterNext = tokens[r.last + 2]
  const lastAfter = tokens[r.last]!.after
  if (/^\s+$/.test(lastAfter) && after) {
    if (SPEECH_VERBS.has(after.text.toLowerCase())) return true
    if (hasTag(after, 'Adverb') && afterNext && SPEECH_VERBS.has(afterNext.text.toLowerCase())) return true
  }
  const before = wordBefore(tokens, r.first)
  return SPEECH_VERBS.has(before) || (before === 'to' && wordBefore(tokens, r.first - 1) === 'according')
}

/** Classifies a run with no title inside it. */
function classifyPlain(a: TextAnalysis, c: CandidateCollector, r: TokenRange): void {
  const { tokens } = a
  const words = tokens.slice(r.first, r.last + 1)
  const n = words.length
  const last = words.at(-1)!
  const head = normalWord(last.text)

  if (n >= 2 && ORGANIZATION_HEADS.has(head)) {
    // "US State Department": the country is a place, the department is the organization.
    let k = r.first
    while (k < r.last && isCountry(tokens[k]!)) k++
    if (k > r.first && GOVERNMENT_HEADS.has(head) && r.last - k + 1 >= 2) {
      c.add('place', r.first, k - 1, PRIORITY.strong)
      c.add('organization', k, r.last, PRIORITY.strong)
    } else {
      c.add('organization', r.first, r.last, PRIORITY.strong)
    }
    return
  }
  if (n === 1 && (STANDALONE_INSTITUTIONS.has(head) || (INSTITUTION_WORDS.has(head) && wordBefore(tokens, r.first) === 'the'))) {
    c.add('organization', r.first, r.last, PRIORITY.shape)
    return
  }
  if (words.every(isPlace) || (n >= 2 && PLACE_HEADS.has(head))) {
    c.add('place', r.first, r.last, PRIORITY.placeTagged)
    return
  }
  const nameTagged = words.some((t) => hasTag(t, 'Place', 'Organization', 'Demonym'))
  if (n >= 2 && n <= 4 && plausibleName(tokens, r) && !nameTagged) {
    if (hasTag(words[0]!, 'FirstName') || words.every((t) => hasTag(t, 'Person')) || nextToSpeechVerb(tokens, r)) {
      c.add('person', r.first, r.last, PRIORITY.tagged)
      return
    }
  }
  if (n === 1 && hasTag(last, 'Person') && hasTag(last, 'LastName', 'FirstName') && !last.initial && !isDictionaryWord(head)) {
    c.add('person', r.first, r.last, PRIORITY.tagged)
    return
  }
  if (n <= 3 && PLACE_PREPOSITIONS.has(wordBefore(tokens, r.first)) && !words.some((t) => hasTag(t, 'Person', 'FirstName', 'Demonym', 'Organization', 'Language'))) {
    c.add('place', r.first, r.last, PRIORITY.cued)
  }
}

/**
 * A run with a title: the words after the last title are a name ("German Foreign Minister
 * Annalena Baerbock"); the words before it, less title modifiers, are classified on their own
 * ("United States Secretary" → "United States"; "White House Press Secretary" → "White House").
 */
function classifyRun(a: TextAnalysis, c: CandidateCollector, run: NameRun): void {
  const { tokens } = a
  if (run.connected) {
    c.add('organization', run.first, run.last, PRIORITY.strong)
    return
  }
  // compromise knows "General Motors" is a company: then "General" is no title.
  const knownOrganization = a.organizations.some((o) => o.first <= run.first && run.last <= o.last)
  let title = -1
  if (!knownOrganization) {
    for (let i = run.last; i >= run.first; i--) {
      if (isTitle(tokens[i]!) && !isPossessive(tokens[i]!)) {
        title = i
        break
      }
    }
  }
  let start = run.first
  // "Secretary of State Antony Blinken": a run right after "<title> of" starts with the department.
  if (title < 0 && wordBefore(tokens, run.first) === 'of' && tokens[run.first - 2] && isTitle(tokens[run.first - 2]!)) {
    while (start <= run.last && start - run.first < 3 && (DEPARTMENT_WORDS.has(normalWord(tokens[start]!.text)) || isCountry(tokens[start]!))) {
      c.titleTokens.add(start)
      start++
    }
    if (start > run.last) return
    const name = { first: start, last: run.last }
    if (start > run.first && plausibleName(tokens, name)) c.add('person', name.first, name.last, PRIORITY.strong)
    else classifyPlain(a, c, name)
    return
  }
  if (title < 0) {
    const before = tokens[run.first - 1]
    if (before && /^\s+$/.test(before.after) && isTitle(before) && !isPossessive(before) && plausibleName(tokens, run)) {
      c.add('person', run.first, run.last, PRIORITY.strong)
    } else {
      classifyPlain(a, c, run)
    }
    return
  }
  c.titleTokens.add(title)
  const name = { first: title + 1, last: run.last }
  if (name.first <= name.last) {
    if (plausibleName(tokens, name)) c.add('person', name.first, name.last, PRIORITY.strong)
    else classifyPlain(a, c, name)
  }
  let end = title - 1
  while (end >= run.first && (isTitle(tokens[end]!) || TITLE_MODIFIERS.has(normalWord(tokens[end]!.text)))) {
    c.titleTokens.add(end)
    end--
  }
  if (end >= run.first) classifyPlain(a, c, { first: run.first, last: end })
}

/** "NATO", "OSCE": organizations; "US", "U.K.": places; "CEO", "GDP", shouting: nothing. */
function classifyAcronym(a: TextAnalysis, c: CandidateCollector, i: number): void {
  const t = a.tokens[i]!
  if (!isAllCaps(t)) return
  const word = normalWord(t.text)
  if (isPlaceAbbreviation(t)) {
    c.add('place', i, i, PRIORITY.shape)
    return
  }
  if (ORGANIZATION_ABBREVIATIONS.has(word)) {
    c.add('organization', i, i, PRIORITY.shape)
    return
  }
  if (!/^[A-Z]{3,6}(?:['’]s)?$/.test(t.text) || COMMON_ABBREVIATIONS.has(word)) return
  const neighbours = [a.tokens[i - 1], a.tokens[i + 1]].filter((n): n is Token => n !== undefined && n.sentence === t.sentence)
  if (neighbours.length > 0 && neighbours.every((n) => /^[A-Z]{2,}$/.test(n.text))) return // a shouted line
  if (isDictionaryWord(word) && !hasTag(t, 'Organization')) return // "NOT", "STOP"
  c.add('organization', i, i, PRIORITY.shape)
}

/** compromise's own readings, trimmed to capitalized words and stripped of titles. */
function compromiseCandidates(a: TextAnalysis, c: CandidateCollector): void {
  const { tokens } = a
  const views: Array<[EntityKind, TokenRange[]]> = [
    ['person', a.people],
    ['organization', a.organizations],
    ['place', a.places],
  ]
  const usable = (i: number) => isNameLike(tokens[i]!) && !c.titleTokens.has(i) && !isTitle(tokens[i]!) && !hasTag(tokens[i]!, 'Honorific')
  for (const [kind, ranges] of views) {
    for (const r of ranges) {
      let first = r.first
      let last = r.last
      while (first <= last && !usable(first)) first++
      while (last >= first && !usable(last)) last--
      if (first > last) continue
      let whole = true
      for (let i = first; i <= last; i++) {
        if (!usable(i) || (i < last && !/^[ -]$/.test(tokens[i]!.after)) || (i < last && isPossessive(tokens[i]!))) whole = false
      }
      if (whole) c.add(kind, first, last, PRIORITY.compromise)
    }
  }
}

/** The first full mention of every surname, with the gender its first name or honorific implies. */
interface FullName {
  full: string
  from: number
  gender?: 'male' | 'female'
}

function genderOf(a: TextAnalysis, from: number): 'male' | 'female' | undefined {
  const index = a.tokens.findIndex((t) => t.from === from)
  const first = a.tokens[index]
  const before = a.tokens[index - 1]
  if (first && hasTag(first, 'MaleName')) return 'male'
  if (first && hasTag(first, 'FemaleName')) return 'female'
  const honorific = before ? normalWord(before.text) : ''
  if (honorific === 'mr') return 'male'
  if (honorific === 'mrs' || honorific === 'ms' || honorific === 'miss') return 'female'
  return undefined
}

const surnameOf = (name: string) => name.split(/\s+/).at(-1)!

function fullNames(a: TextAnalysis, people: Candidate[]): Map<string, FullName> {
  const names = new Map<string, FullName>()
  for (const p of people) {
    const text = a.text.slice(p.from, p.to)
    if (!/\s/.test(text)) continue
    const surname = surnameOf(text)
    if (!names.has(surname)) names.set(surname, { full: text, from: p.from, gender: genderOf(a, p.from) })
  }
  return names
}

/** People, organizations and places in a text, in order, overlapping none of each other. */
export function findEntities(analysis: TextAnalysis, known: ReadonlyArray<{ kind: FactKind; text: string }> = []): EntityMention[] {
  const a = analysis
  const c = new CandidateCollector(a.tokens)
  for (const run of nameRuns(a)) classifyRun(a, c, run)
  a.tokens.forEach((_, i) => classifyAcronym(a, c, i))
  compromiseCandidates(a, c)
  for (const k of known) {
    const text = k.text.trim()
    if (!isEntityKind(k.kind) || text.length === 0) continue
    for (const at of occurrences(a.text, text)) c.candidates.push({ kind: k.kind, from: at, to: at + text.length, priority: PRIORITY.known, known: true })
  }

  // A surname alone is a person once the full name has been mentioned.
  const names = fullNames(
    a,
    settle(c.candidates).filter((m) => m.kind === 'person'),
  )
  for (const t of a.tokens) {
    const bare = a.text.slice(t.from, nameEnd(t))
    const name = names.get(bare)
    if (name && t.from > name.from && /^\p{Lu}/u.test(bare)) c.candidates.push({ kind: 'person', from: t.from, to: nameEnd(t), priority: PRIORITY.surname })
  }

  return settle(c.candidates).map((m) => {
    const text = a.text.slice(m.from, m.to)
    if (m.kind !== 'person') return { kind: m.kind, from: m.from, to: m.to, text, canonical: text }
    const name = /\s/.test(text) ? undefined : names.get(text)
    const canonical = name?.full ?? text
    const gender = name?.gender ?? genderOf(a, m.from)
    return { kind: m.kind, from: m.from, to: m.to, text, canonical, ...(gender ? { gender } : {}) }
  })
}
