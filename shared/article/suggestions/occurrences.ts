/** Finding a phrase's other occurrences: known entities, surnames, short company names. */

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
