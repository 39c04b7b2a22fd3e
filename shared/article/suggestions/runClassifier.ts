/**
 * What a capitalized run is. The rules, by strength:
 * - titles and organization words: "Secretary of State X", "spokesperson X", "X Department",
 *   "Ministry of X" (joined in nameRuns.ts), "White House", "US State Department" (a place and an organization);
 * - shapes: acronyms ("NATO"), country letters ("US"), "the Senate", "Kremlin";
 * - compromise's tags: a first name starts a name; a name right before or after a speech verb;
 * - places by compromise's lexicon or a place word ("Main Street"), then after "in"/"near".
 */
import { CandidateCollector, PRIORITY } from './candidates.ts'
import type { NameRun } from './nameRuns.ts'
import { hasTag, isAllCaps, isCountry, isPlace, isPlaceAbbreviation, isPossessive, isTitle } from './nameRuns.ts'
import type { TextAnalysis, Token, TokenRange } from './textAnalysis.ts'
import { isDictionaryWord } from './textAnalysis.ts'
import {
  ABBREVIATED_TITLES,
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
export function wordBefore(tokens: Token[], index: number): string {
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
export function classifyRun(a: TextAnalysis, c: CandidateCollector, run: NameRun): void {
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
    const spaced = before && (/^\s+$/.test(before.after) || (/^\.\s+$/.test(before.after) && ABBREVIATED_TITLES.has(normalWord(before.text))))
    if (before && spaced && isTitle(before) && !isPossessive(before) && plausibleName(tokens, run)) {
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
export function classifyAcronym(a: TextAnalysis, c: CandidateCollector, i: number): void {
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
