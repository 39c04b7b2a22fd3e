/**
 * People, organizations and places. Rules propose candidates (runClassifier.ts for what a
 * capitalized run is); overlaps are settled by strength (candidates.ts). Strongest first:
 *
 * - titles and organization words: "Secretary of State X", "X Department", "Ministry of X", "White House";
 * - the desk's known entities (their own kind wins when the words are exactly the same);
 * - a surname alone after the full name was mentioned; a company's name without "Inc.";
 * - shapes: acronyms ("NATO"), country letters ("US"), "the Kremlin"; "<person> of <Name>" affiliations;
 * - compromise's tags: a first name starts a name; a name right before or after a speech verb;
 * - places by compromise's lexicon or a place word ("Main Street"), then after "in"/"near";
 * - compromise's own people(), organizations(), places(), cleaned of titles and punctuation.
 */
import type { FactKind } from '../factVocabulary.ts'
import { ENTITY_KINDS } from '../factVocabulary.ts'
import type { Candidate, EntityKind } from './candidates.ts'
import { CandidateCollector, PRIORITY, settle } from './candidates.ts'
import type { NameRun } from './nameRuns.ts'
import { hasTag, isNameLike, isPlace, isPossessive, isTitle, nameEnd, nameRuns } from './nameRuns.ts'
import { occurrences } from './occurrences.ts'
import { classifyAcronym, classifyRun, wordBefore } from './runClassifier.ts'
import type { TextAnalysis, TokenRange } from './textAnalysis.ts'
import { isDictionaryWord } from './textAnalysis.ts'
import { CORPORATE_SUFFIXES, normalWord, TITLE_MODIFIERS } from './vocabulary.ts'

export type { EntityKind } from './candidates.ts'

/** One mention of a person, organization or place. */
export interface EntityMention {
  kind: EntityKind
  from: number
  to: number
  text: string
  /** People: the full name at its first full mention ("Jane Smith" for a later "Smith"); organizations: the name an acronym stands for; else the text. */
  canonical: string
  /** People: the gender a first name or honorific implies, if any (for "he"/"she"). */
  gender?: 'male' | 'female'
}

const isEntityKind = (kind: FactKind): kind is EntityKind => ENTITY_KINDS.includes(kind)

/**
 * compromise's own readings, trimmed to capitalized words and stripped of titles. Each must be a
 * whole run, titles aside: compromise reading "Irene" as a person inside "Tropical Storm Irene"
 * is a guess about part of a name this module could not place, so it is left out.
 */
function compromiseCandidates(a: TextAnalysis, c: CandidateCollector, runs: NameRun[]): void {
  const { tokens } = a
  const runOf = new Array<number>(tokens.length).fill(-1)
  runs.forEach((r, k) => {
    for (let i = r.first; i <= r.last; i++) runOf[i] = k
  })
  const views: Array<[EntityKind, TokenRange[]]> = [
    ['person', a.people],
    ['organization', a.organizations],
    ['place', a.places],
  ]
  const titleLike = (i: number) =>
    c.titleTokens.has(i) || isTitle(tokens[i]!) || hasTag(tokens[i]!, 'Honorific', 'Demonym') || TITLE_MODIFIERS.has(normalWord(tokens[i]!.text))
  const usable = (i: number) => isNameLike(tokens[i]!) && !titleLike(i)
  for (const [kind, ranges] of views) {
    for (const r of ranges) {
      let first = r.first
      let last = r.last
      while (first <= last && !usable(first)) first++
      while (last >= first && !usable(last)) last--
      if (first > last) continue
      const run = runs[runOf[first]!]
      if (!run || runOf[last] !== runOf[first] || last !== run.last) continue
      let whole = true
      for (let i = run.first; i < first; i++) if (!titleLike(i)) whole = false
      for (let i = first; i <= last; i++) {
        if (!usable(i) || (i < last && !/^[ -]$/.test(tokens[i]!.after)) || (i < last && isPossessive(tokens[i]!))) whole = false
      }
      if (whole) c.add(kind, first, last, PRIORITY.compromise)
    }
  }
}

/** "Tom Reilly of Morgan Stanley", "Jane Doe of Springfield": the name after "<person> of" is where they work or live. */
function affiliations(a: TextAnalysis, c: CandidateCollector, runs: NameRun[], people: Candidate[]): void {
  const { tokens } = a
  for (const run of runs) {
    const owner = tokens[run.first - 2]
    if (wordBefore(tokens, run.first) !== 'of' || !owner || !people.some((p) => p.to === nameEnd(owner))) continue
    const kind = tokens.slice(run.first, run.last + 1).every(isPlace) ? 'place' : 'organization'
    c.add(kind, run.first, run.last, PRIORITY.shape)
  }
}

/** The first full mention of every surname, with the gender its first name or honorific implies. */
interface FullName {
  full: string
  from: number
  gender?: 'male' | 'female'
}

function genderOf(a: TextAnalysis, from: number): 'male' | 'female' | undefined {
  const first = a.tokenAt(from)
  const before = first ? a.tokens[first.index - 1] : undefined
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

/** Mentions of `alias` after `after` that no longer mention covers (surnames, short company names). */
function laterMentions(a: TextAnalysis, alias: string, after: number, found: Candidate[]): Array<[number, number]> {
  return occurrences(a.text, alias)
    .filter((at) => at > after && /^\p{Lu}/u.test(alias))
    .filter((at) => !found.some((m) => m.from <= at && at + alias.length <= m.to && m.to - m.from > alias.length))
    .map((at) => [at, at + alias.length])
}

/** People, organizations and places in a text, in order, overlapping none of each other. */
export function findEntities(analysis: TextAnalysis, known: ReadonlyArray<{ kind: FactKind; text: string }> = []): EntityMention[] {
  const a = analysis
  const runs = nameRuns(a)
  const c = new CandidateCollector(a.tokens)
  for (const run of runs) classifyRun(a, c, run)
  a.tokens.forEach((_, i) => classifyAcronym(a, c, i))
  compromiseCandidates(a, c, runs)
  for (const k of known) {
    const text = k.text.trim()
    if (!isEntityKind(k.kind) || text.length === 0) continue
    for (const at of occurrences(a.text, text)) c.candidates.push({ kind: k.kind, from: at, to: at + text.length, priority: PRIORITY.known, known: true })
  }
  affiliations(
    a,
    c,
    runs,
    settle(c.candidates).filter((m) => m.kind === 'person'),
  )

  // Once the full name is known, a surname alone is the person, a company without "Inc." the company.
  const found = settle(c.candidates)
  const names = fullNames(
    a,
    found.filter((m) => m.kind === 'person'),
  )
  for (const [surname, name] of names) {
    for (const [from, to] of laterMentions(a, surname, name.from, found)) c.candidates.push({ kind: 'person', from, to, priority: PRIORITY.surname })
  }
  for (const org of found.filter((m) => m.kind === 'organization')) {
    const words = a.text.slice(org.from, org.to).split(/\s+/)
    if (words.length < 2 || !CORPORATE_SUFFIXES.has(normalWord(words.at(-1)!))) continue
    const aliases = [words.slice(0, -1).join(' '), ...(isDictionaryWord(words[0]!.toLowerCase()) ? [] : [words[0]!])]
    for (const alias of new Set(aliases)) {
      for (const [from, to] of laterMentions(a, alias, org.from, found)) c.candidates.push({ kind: 'organization', from, to, priority: PRIORITY.surname })
    }
  }

  const final = settle(c.candidates)
  // "… Workers International Union (UFCW)": the acronym stands for the name before it.
  const expansions = new Map<string, string>()
  final.forEach((m, i) => {
    const before = final[i - 1]
    if (m.kind === 'organization' && before?.kind === 'organization' && /^\s*\($/.test(a.text.slice(before.to, m.from)) && a.text[m.to] === ')') {
      const acronym = a.text.slice(m.from, m.to)
      if (!expansions.has(acronym)) expansions.set(acronym, a.text.slice(before.from, before.to))
    }
  })

  return final.map((m) => {
    const text = a.text.slice(m.from, m.to)
    if (m.kind !== 'person') return { kind: m.kind, from: m.from, to: m.to, text, canonical: expansions.get(text) ?? text }
    const name = /\s/.test(text) ? undefined : names.get(text)
    const canonical = name?.full ?? text
    const gender = name?.gender ?? genderOf(a, m.from)
    return { kind: m.kind, from: m.from, to: m.to, text, canonical, ...(gender ? { gender } : {}) }
  })
}
