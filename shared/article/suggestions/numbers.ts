/**
 * Figures: amounts with a currency or unit ("$5 billion", "30 percent", "10 km"), and counts of
 * things in digits or words ("100,000 troops", "three such meetings", "tens of thousands of
 * protesters"). A count takes the noun it counts, past up to two modifiers. Not figures: "one"
 * on its own (a pronoun more often than a count), a number word counting nothing ("the two"),
 * years ("in 2021" is a date), list numbering ("1. …"), numbers that are part of a name
 * ("Apollo 11") and clock times ("10:30", "5 p.m.").
 */
import type { FactSuggestion } from './factSuggestion.ts'
import { hasTag } from './nameRuns.ts'
import type { TextAnalysis, Token } from './textAnalysis.ts'
import { COUNT_BREAKERS, NUMBER_MAGNITUDES, NUMBER_SCALES, NUMBER_UNITS, NUMBER_WORDS } from './vocabulary.ts'

const NUMERIC = /^(?:[A-Z]{0,3}[$€£¥₹])?\d[\d,]*(?:\.\d+)?(?:%|m|bn|mn|tn|k)?$/
const CURRENCY_OR_PERCENT = /[$€£¥₹%]|\d(?:m|bn|mn|tn|k)$/
const HYPHENATED = /^\d[\d,.]*-\p{L}/u // "5-year-old", "10-point"
const RANGE = /^\d[\d,.]*[-–]\d[\d,.]*$/ // "52-48"
const YEAR = /^(?:1[89]|20)\d\d$/
const TENS = /^(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)$/
const COUNT_MODIFIERS = new Set(['such', 'more', 'other', 'additional', 'new', 'extra', 'further', 'fewer', 'fresh'])
const MAX_MODIFIERS = 2

const lower = (t: Token | undefined) => t?.text.toLowerCase() ?? ''
/** The next token, if only spaces (or a hyphen inside a number word) separate it. */
function next(a: TextAnalysis, t: Token, hyphen = false): Token | undefined {
  const n = a.tokens[t.index + 1]
  if (!n || n.sentence !== t.sentence) return undefined
  return /^ $/.test(t.after) || (hyphen && t.after === '-') ? n : undefined
}

function isNumberWord(t: Token): boolean {
  const w = lower(t)
  return NUMBER_WORDS.has(w) || NUMBER_MAGNITUDES.has(w)
}

/** The noun a count counts, past up to two modifiers: "three such meetings", "100,000 Russian troops". */
function countedNoun(a: TextAnalysis, last: Token): Token | undefined {
  let t = next(a, last)
  for (let k = 0; t && k <= MAX_MODIFIERS; k++) {
    const w = lower(t)
    if (hasTag(t, 'Fraction') && /s$/.test(w)) return t // "two quarters", "three thirds"
    if (COUNT_BREAKERS.has(w) || hasTag(t, 'Value', 'Verb', 'Pronoun', 'Preposition', 'Conjunction', 'Date')) return undefined
    if (hasTag(t, 'Noun') && (hasTag(t, 'Plural', 'Uncountable') || /[^s]s$/.test(w)) && !hasTag(t, 'ProperNoun', 'Demonym')) {
      // "two sports cars": a plural noun can modify the one it counts.
      const head = next(a, t)
      return head && hasTag(head, 'Noun') && hasTag(head, 'Plural') && !hasTag(head, 'ProperNoun', 'Pronoun') ? head : t
    }
    if (!(hasTag(t, 'Adjective', 'Demonym') || COUNT_MODIFIERS.has(w))) return undefined
    t = next(a, t)
  }
  return undefined
}

/** A number phrase starting at a token: its last token and what it measures. */
function numberPhrase(a: TextAnalysis, start: Token): { last: Token; measured: boolean; words: boolean } | undefined {
  const w = lower(start)
  const numeric = NUMERIC.test(start.text)
  let last = start
  let measured = numeric && CURRENCY_OR_PERCENT.test(start.text)
  if (HYPHENATED.test(start.text)) return { last, measured: true, words: false }
  if (numeric && start.after === '-' && /^\p{L}/u.test(a.tokens[start.index + 1]?.text ?? '')) {
    // "5-year-old" split into words: the hyphenated chain is the figure.
    while (last.after === '-' && a.tokens[last.index + 1]) last = a.tokens[last.index + 1]!
    return { last, measured: true, words: false }
  }
  if (!numeric && !isNumberWord(start)) {
    // "a dozen", "a million", "half a million"
    const n = next(a, start)
    const scale = n && NUMBER_SCALES.has(lower(n)) ? n : undefined
    const halfA = w === 'half' && lower(n) === 'a' && n && next(a, n) && NUMBER_SCALES.has(lower(next(a, n)))
    if ((w === 'a' || w === 'an' || w === 'one') && scale) last = scale
    else if (halfA) last = next(a, n!)!
    else return undefined
  }
  // "two hundred and fifty", "twenty-five", "3.5 million", "tens of thousands"
  for (;;) {
    const n = next(a, last, TENS.test(lower(last)))
    const after = n && next(a, n)
    if (n && (NUMBER_SCALES.has(lower(n)) || (isNumberWord(n) && !NUMBER_MAGNITUDES.has(lower(n))))) last = n
    else if (n && lower(n) === 'and' && after && isNumberWord(after) && isNumberWord(last)) last = after
    else if (n && lower(n) === 'of' && after && NUMBER_MAGNITUDES.has(lower(last)) && /^(?:thousands|millions|billions)$/.test(lower(after))) last = after
    else break
  }
  // units: "30 percent", "30 per cent", "2.5 percentage points", "5 billion dollars"
  const u = next(a, last)
  const u2 = u && next(a, u)
  if (u && lower(u) === 'per' && lower(u2) === 'cent') return { last: u2!, measured: true, words: !numeric }
  if (u && lower(u) === 'percentage' && u2 && /^points?$/.test(lower(u2))) return { last: u2, measured: true, words: !numeric }
  if (u && NUMBER_UNITS.has(lower(u))) return { last: u, measured: true, words: !numeric }
  return { last, measured, words: !numeric }
}

/** Figures in a text, in order. */
export function findNumbers(a: TextAnalysis): FactSuggestion[] {
  const { text, tokens } = a
  const out: FactSuggestion[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const w = lower(t)
    if (w === 'one' && !NUMBER_SCALES.has(lower(next(a, t)))) continue
    const phrase = RANGE.test(t.text) ? { last: t, measured: false, words: false } : numberPhrase(a, t)
    if (!phrase) continue
    let { last } = phrase
    const bare = !phrase.measured && last === t
    const atBlockStart = t.from === 0 || text[t.from - 1] === '\n'
    if (atBlockStart && /^[.)]/.test(t.after)) continue // list numbering
    if (/^\d/.test(t.text) && /^(?::|\s*[ap]\.?m\b)/i.test(text.slice(t.to, t.to + 5))) continue // clock time
    if (hasTag(t, 'Time')) continue
    const prev = tokens[i - 1]
    if (bare && prev && prev.sentence === t.sentence && /^ $/.test(prev.after) && /^\p{Lu}/u.test(prev.text) && !prev.initial) continue // "Apollo 11"
    if (!phrase.measured) {
      const magnitude = NUMBER_MAGNITUDES.has(lower(last))
      let noun = countedNoun(a, last)
      if (!noun && magnitude) {
        const of = next(a, last)
        if (of && lower(of) === 'of') noun = countedNoun(a, of)
      }
      if (noun) last = noun
      else if (phrase.words && !magnitude && !NUMBER_SCALES.has(lower(last))) continue // "the two"
      else if (bare && YEAR.test(t.text)) continue // a year: the date detector's
    }
    out.push({ kind: 'number', text: text.slice(t.from, last.to), from: t.from, to: last.to })
    i = last.index
  }
  return out
}
