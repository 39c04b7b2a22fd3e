/**
 * Capitalized word runs: the raw material of people, organizations and places. A run is a
 * sequence of name-like words inside one sentence separated by single spaces ("Antony Blinken",
 * "US State Department"); head-first organization names absorb their lower-case connectors
 * ("Organization for Security and Cooperation in Europe"). Classification happens elsewhere.
 */
import type { TextAnalysis, Token, TokenRange } from './textAnalysis.ts'
import { isDictionaryWord } from './textAnalysis.ts'
import {
  ABBREVIATED_NAME_ENDS,
  ABBREVIATED_TITLES,
  FUNCTION_WORDS,
  LEADING_ORGANIZATION_HEADS,
  NAME_CONNECTORS,
  normalWord,
  PLACE_ABBREVIATIONS,
  TITLE_WORDS,
} from './vocabulary.ts'

const CAPITALIZED = /^\p{Lu}/u
const POSSESSIVE = /['’]s$/
/** A run of word tokens, with `connected` when it spans lower-case connectors ("of", "and"). */
export interface NameRun extends TokenRange {
  connected: boolean
}

/** True when the token carries any of the tags. */
export function hasTag(token: Token, ...tags: string[]): boolean {
  return tags.some((tag) => token.tags.has(tag))
}

/** True for "Ukraine's", "Moscow’s": the name ends two characters early. */
export function isPossessive(token: Token): boolean {
  return POSSESSIVE.test(token.text)
}

/** Where a name ending in this token ends: before a possessive "’s", after the stop of "Inc." or "Jr.". */
export function nameEnd(token: Token): number {
  if (isPossessive(token)) return token.to - 2
  return ABBREVIATED_NAME_ENDS.has(token.text.toLowerCase()) && token.after.startsWith('.') ? token.to + 1 : token.to
}

/** All capitals ("NATO", "US") or dotted capitals ("U.S."). */
export function isAllCaps(token: Token): boolean {
  return /^(?:\p{Lu}{2,}|(?:\p{Lu}\.){2,})$/u.test(token.text.replace(/['’]s$/, ''))
}

/** "US", "U.K.", "UAE": a country written as letters. */
export function isPlaceAbbreviation(token: Token): boolean {
  return isAllCaps(token) && PLACE_ABBREVIATIONS.has(normalWord(token.text))
}

/** A country by compromise's lexicon or by its letters. */
export function isCountry(token: Token): boolean {
  return hasTag(token, 'Country') || isPlaceAbbreviation(token)
}

/** A place by compromise's lexicon (country, city, region) or by its letters. */
export function isPlace(token: Token): boolean {
  return hasTag(token, 'Place', 'Country', 'City', 'Region') || isPlaceAbbreviation(token)
}

/** "President", "spokesperson", "Gen." — a title word; abbreviations only when capitalized. */
export function isTitle(token: Token): boolean {
  const word = normalWord(token.text)
  if (!TITLE_WORDS.has(word)) return false
  return !ABBREVIATED_TITLES.has(word) || CAPITALIZED.test(token.text)
}

/**
 * True for a capitalized word that can be part of a name. Dates are the date detector's. At the
 * start of a sentence every word is capitalized, so there it must look like a name: tagged as one,
 * or a word compromise does not know ("Blinken"), and never a function word ("During", "The").
 */
export function isNameLike(token: Token): boolean {
  if (!CAPITALIZED.test(token.text)) return false
  if (hasTag(token, 'Date', 'WeekDay', 'Month')) return false
  const word = normalWord(token.text)
  if (word === 'i') return false
  if (!token.initial) return true
  if (FUNCTION_WORDS.has(word)) return false
  if (hasTag(token, 'Person', 'FirstName', 'LastName', 'Place', 'Country', 'City', 'Region', 'Organization')) return true
  if (hasTag(token, 'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'QuestionWord', 'Modal', 'Auxiliary', 'Copula'))
    return false
  return !isDictionaryWord(word) || isAllCaps(token)
}

/**
 * "White House", "New York", "Foreign Minister X" at the start of a sentence: an ordinary word
 * there starts a name when a name-like word follows it directly.
 */
function startsNameAtSentenceStart(tokens: Token[], i: number): boolean {
  const t = tokens[i]!
  const next = tokens[i + 1]
  if (!t.initial || !CAPITALIZED.test(t.text) || !next || next.initial || t.after !== ' ' || !isNameLike(next)) return false
  if (FUNCTION_WORDS.has(normalWord(t.text)) || hasTag(t, 'Date', 'WeekDay', 'Month')) return false
  return !hasTag(t, 'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'QuestionWord', 'Modal', 'Auxiliary', 'Copula', 'Verb')
}

/** Two name-like words belong to one run: one space apart, or a hyphen that does not join two countries ("US-Russia"). */
function joins(a: Token, b: Token): boolean {
  if (a.sentence !== b.sentence || isPossessive(a) || !isNameLike(b)) return false
  if (a.after === ' ') return true
  return a.after === '-' && !(isCountry(a) && isCountry(b))
}

/**
 * True when a bracketed acronym abbreviates the words from `from` to `to`: its letters are the
 * initials of the name's capitalized words (or of all its words), in order, starting with the
 * first word's, though some may be skipped — "UFCW" for "United Food and Commercial Workers
 * International Union", "DOJ" for "Department of Justice".
 */
function acronymFits(acronym: string, tokens: Token[], from: number, to: number): boolean {
  const slice = tokens.slice(from, to + 1)
  const capitals = slice.filter((t) => CAPITALIZED.test(t.text)).map((t) => t.text[0]!)
  const all = slice.map((t) => t.text[0]!.toUpperCase())
  return [capitals, all].some((initials) => {
    if (initials[0] !== acronym[0]) return false
    let k = 0
    for (const letter of initials) if (letter === acronym[k]) k++
    return k === acronym.length
  })
}

/** The acronym in brackets right after a token ("… in Europe (OSCE)"), if any. */
function bracketedAcronym(tokens: Token[], index: number): string | undefined {
  const token = tokens[index]
  const next = tokens[index + 1]
  if (!token || !next || !/^\s*\($/.test(token.after) || !/^\)/.test(next.after)) return undefined
  return /^\p{Lu}{2,}$/u.test(next.text) ? next.text : undefined
}

/**
 * Joins "Ministry" + "of" + "Defence", "Organization" + "for" + "Security" + "and" + "Cooperation"
 * + "in" + "Europe". "of"/"for"/"on" (optionally + "the") and "and" join freely; "in" only when a
 * bracketed acronym right after the name confirms it, since "the Ministry of Defence in Moscow"
 * is two names.
 */
function mergeHeadFirst(tokens: Token[], runs: TokenRange[]): NameRun[] {
  const out: NameRun[] = []
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k]!
    const head = tokens[run.last]!
    if (!LEADING_ORGANIZATION_HEADS.has(normalWord(head.text)) || isPossessive(head)) {
      out.push({ ...run, connected: false })
      continue
    }
    let last = run.last
    let j = k
    let safeLast = run.last
    let safeK = k
    let sawIn = false
    while (j + 1 < runs.length) {
      const next = runs[j + 1]!
      const between = tokens.slice(last + 1, next.first)
      const words = between.map((t) => t.text.toLowerCase())
      const lead = words[0] ?? ''
      const ok =
        [tokens[last]!, ...between].every((t) => t.after === ' ') &&
        !isPossessive(tokens[last]!) &&
        (words.length === 1 || (words.length === 2 && words[1] === 'the')) &&
        NAME_CONNECTORS.has(lead) &&
        lead !== 'the' &&
        (j > k || ['of', 'for', 'on'].includes(lead)) &&
        !(lead === 'and' && tokens.slice(next.first, next.last + 1).every(isCountry))
      if (!ok) break
      if (lead === 'in') sawIn = true
      last = next.last
      j++
      if (!sawIn) {
        safeLast = last
        safeK = j
      }
    }
    const acronym = bracketedAcronym(tokens, last)
    const confirmed = acronym !== undefined && acronymFits(acronym, tokens, run.first, last)
    const end = confirmed ? last : safeLast
    const endK = confirmed ? j : safeK
    out.push({ first: run.first, last: end, connected: end !== run.last })
    k = endK
  }
  return out
}

const BACKWARD_CONNECTORS = new Set(['and', '&', 'of', 'for', 'on', 'in', 'the'])

/**
 * "United Food and Commercial Workers International Union (UFCW)": an acronym in brackets after
 * a name can reach back over "and"/"of" to the runs it abbreviates.
 */
function mergeByAcronym(tokens: Token[], runs: NameRun[]): NameRun[] {
  const out = [...runs]
  for (let k = out.length - 1; k >= 0; k--) {
    const run = out[k]!
    const acronym = bracketedAcronym(tokens, run.last)
    if (!acronym || acronymFits(acronym, tokens, run.first, run.last)) continue
    for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
      const between = tokens.slice(out[j]!.last + 1, out[j + 1]!.first)
      const spaced = [tokens[out[j]!.last]!, ...between].every((t) => t.after === ' ')
      if (!spaced || between.length < 1 || between.length > 2 || !between.every((t) => BACKWARD_CONNECTORS.has(t.text.toLowerCase()))) break
      if (acronymFits(acronym, tokens, out[j]!.first, run.last)) {
        out.splice(j, k - j + 1, { first: out[j]!.first, last: run.last, connected: true })
        k = j
        break
      }
    }
  }
  return out
}

/** The runs of a text, in order. */
export function nameRuns(analysis: TextAnalysis): NameRun[] {
  const { tokens } = analysis
  const runs: TokenRange[] = []
  let i = 0
  while (i < tokens.length) {
    if (!isNameLike(tokens[i]!) && !startsNameAtSentenceStart(tokens, i)) {
      i++
      continue
    }
    let j = i
    while (j + 1 < tokens.length && joins(tokens[j]!, tokens[j + 1]!)) j++
    runs.push({ first: i, last: j })
    i = j + 1
  }
  return mergeByAcronym(tokens, mergeHeadFirst(tokens, runs))
}
