/**
 * Where a sentence starts and ends around a position, by punctuation: a full stop, question or
 * exclamation mark (optionally followed by closing quotes) and a space, unless the word before
 * the stop is an abbreviation ("Gen.", "Jan.", "U.S.") or an initial; a blank line always ends one.
 */

const ABBREVIATIONS = new Set(
  `mr mrs ms dr gen sen rep gov lt col sgt capt adm maj prof rev st jr sr inc corp co ltd vs no
   jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
   approx est dept univ ave blvd rd mt ft`.split(/\s+/),
)
const CLOSERS = '”"’\')]»'

/** True when the stop at `i` is an abbreviation's or an initial's, not a sentence's end. */
function isAbbreviationStop(text: string, i: number): boolean {
  if (text[i] !== '.') return false
  let s = i
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1]!)) s--
  const word = text.slice(s, i)
  if (/^\p{Lu}$/u.test(word)) return true // "J. Smith"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true // "U.S."
  return ABBREVIATIONS.has(word.toLowerCase())
}

/** True when a sentence ends with the character at `i` (a stop, possibly followed by closing quotes). */
function endsSentenceAt(text: string, i: number): number | undefined {
  if (!'.!?'.includes(text[i] ?? 'x') || isAbbreviationStop(text, i)) return undefined
  let j = i + 1
  while (j < text.length && CLOSERS.includes(text[j]!)) j++
  return j >= text.length || /\s/.test(text[j]!) ? j : undefined
}

/** The offset where the sentence containing `pos` starts. */
export function sentenceStart(text: string, pos: number): number {
  for (let i = Math.min(pos, text.length) - 1; i >= 0; i--) {
    if (text[i] === '\n') return i + 1
    const end = endsSentenceAt(text, i)
    if (end !== undefined && end <= pos) {
      let s = end
      while (s < pos && /\s/.test(text[s]!)) s++
      return s
    }
  }
  return 0
}

/** The offset just after the sentence containing `pos` ends (after its stop and closing quotes). */
export function sentenceEnd(text: string, pos: number): number {
  for (let i = Math.max(pos, 0); i < text.length; i++) {
    if (text[i] === '\n') return i
    const end = endsSentenceAt(text, i)
    if (end !== undefined) return end
  }
  return text.length
}
