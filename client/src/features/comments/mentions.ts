/**
 * `@Name` mentions in comment bodies. A body is plain text (docs/comments.md): a mention is the
 * characters `@` and a member's name, at the start of the text or after a character that is not part
 * of a word, and not followed by a letter or digit. Nothing here produces markup: views render the
 * segments as text.
 */

/** A piece of a message body: plain text, or a mention of the member named `name`. */
export type BodySegment = { kind: 'text'; text: string } | { kind: 'mention'; text: string; name: string }

/** An unfinished mention being typed: `@` at `start`, `query` the characters typed after it so far. */
export interface MentionQuery {
  start: number
  query: string
}

/** Longest run of characters after `@` still treated as a name being typed (names are at most 60). */
const MAX_QUERY_CHARS = 60
const WORD_CHAR = /[\p{L}\p{N}_]/u

const isWordChar = (char: string | undefined): boolean => char !== undefined && WORD_CHAR.test(char)

/** Folds case and accents, so `@jose` finds José. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase()
}

/**
 * Splits a body into text and mentions of the given names (longest name first, so `@Ann Lee` wins
 * over `@Ann`; case-insensitive). Joining every segment's `text` gives the body back unchanged.
 */
export function mentionSegments(body: string, names: readonly string[]): BodySegment[] {
  const candidates = [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))].sort((a, b) => b.length - a.length)
  const folded = candidates.map(fold)
  const segments: BodySegment[] = []
  let text = ''
  let i = 0
  while (i < body.length) {
    const char = body[i]!
    if (char === '@' && !isWordChar(body[i - 1]) && candidates.length > 0) {
      const match = candidates.findIndex((name, n) => {
        const piece = body.slice(i + 1, i + 1 + name.length)
        return piece.length === name.length && fold(piece) === folded[n] && !isWordChar(body[i + 1 + name.length])
      })
      if (match !== -1) {
        if (text !== '') segments.push({ kind: 'text', text })
        text = ''
        const length = 1 + candidates[match]!.length
        segments.push({ kind: 'mention', text: body.slice(i, i + length), name: candidates[match]! })
        i += length
        continue
      }
    }
    text += char
    i++
  }
  if (text !== '') segments.push({ kind: 'text', text })
  return segments
}

/** The names a body mentions, each once, in order of first mention. */
export function mentionedNames(body: string, names: readonly string[]): string[] {
  return [...new Set(mentionSegments(body, names).flatMap((s) => (s.kind === 'mention' ? [s.name] : [])))]
}

/**
 * The mention being typed just before `caret`, or null: an `@` at the start or after a non-word
 * character, then up to 60 characters without a line break or another `@`.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  if (caret < 0 || caret > text.length) throw new RangeError(`mentionQueryAt: caret ${caret} is outside a text of ${text.length}`)
  for (let at = caret - 1; at >= 0 && caret - at - 1 <= MAX_QUERY_CHARS; at--) {
    const char = text[at]!
    if (char === '\n' || char === '\r') return null
    if (char === '@') {
      if (isWordChar(text[at - 1])) return null
      const query = text.slice(at + 1, caret)
      // A space right after `@`, or two in a row, is not someone's name being typed.
      if (/^\s|\s\s/.test(query)) return null
      return { start: at, query }
    }
  }
  return null
}

/**
 * The names that complete `query` (what follows `@`), best first: names starting with it, then names
 * with a word starting with it; case- and accent-insensitive. An empty query offers every name.
 */
export function matchingNames(query: string, names: readonly string[], limit = 8): string[] {
  const q = fold(query.trim())
  const unique = [...new Set(names.filter((n) => n.trim() !== ''))]
  const scored = unique.flatMap((name) => {
    const f = fold(name)
    if (q === '' || f.startsWith(q)) return [{ name, score: 0 }]
    if (f.split(/\s+/).some((word, i, words) => i > 0 && words.slice(i).join(' ').startsWith(q))) return [{ name, score: 1 }]
    return []
  })
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name)
}

/**
 * Replaces the mention being typed (`@` at `query.start` up to `caret`) with `@name` and a space;
 * returns the new text and where the caret goes (after the space).
 */
export function completeMention(text: string, query: MentionQuery, caret: number, name: string): { text: string; caret: number } {
  const before = text.slice(0, query.start)
  const after = text.slice(caret)
  const inserted = `@${name}${after.startsWith(' ') ? '' : ' '}`
  return { text: before + inserted + after, caret: before.length + inserted.length + (after.startsWith(' ') ? 1 : 0) }
}
