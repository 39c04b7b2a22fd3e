/**
 * One compromise parse of a text, turned into plain data the detectors share: words with their
 * UTF-16 offsets and part-of-speech tags, and the word ranges compromise reads as people, places
 * and organizations. The only file that talks to compromise: its API returns `any`, so the shape
 * is checked here once.
 */
import nlp from 'compromise'

/** One word as written (no surrounding punctuation), with compromise's tags for it in context. */
export interface Token {
  index: number
  text: string
  from: number
  to: number
  tags: ReadonlySet<string>
  /** Index of the sentence compromise put it in. */
  sentence: number
  /** First word of a sentence, or of a quotation or bracket, where any word is capitalized. */
  initial: boolean
  /** The characters between this word and the next one (punctuation and spaces). */
  after: string
}

/** Inclusive token indices. */
export interface TokenRange {
  first: number
  last: number
}

/** What the detectors know about a text. */
export interface TextAnalysis {
  text: string
  tokens: Token[]
  /** Ranges compromise reads as people (`people()`), organizations and places. */
  people: TokenRange[]
  organizations: TokenRange[]
  places: TokenRange[]
  /** The token that starts exactly at a UTF-16 offset, if any. */
  tokenAt(offset: number): Token | undefined
}

interface RawTerm {
  text: string
  pre: string
  post: string
  tags: string[]
  offset: { start: number; length: number }
}
interface RawSentence {
  terms: RawTerm[]
}
interface RawMatch {
  offset: { start: number; length: number }
}

const OPENERS = /[“"‘'(\[«:]\s*$/

function isRawTerm(value: unknown): value is RawTerm {
  const t = value as Partial<RawTerm> | null
  return (
    typeof t === 'object' &&
    t !== null &&
    typeof t.text === 'string' &&
    typeof t.pre === 'string' &&
    typeof t.post === 'string' &&
    Array.isArray(t.tags) &&
    typeof t.offset?.start === 'number' &&
    typeof t.offset.length === 'number'
  )
}

type Lexicon = Readonly<Record<string, string | string[] | undefined>>
let lexicon: Lexicon | undefined

/** compromise's word list (lower case → tag or tags); empty if its internals moved. */
function compromiseLexicon(): Lexicon {
  if (!lexicon) {
    const world = nlp.world() as { model?: { one?: { lexicon?: Lexicon } } }
    lexicon = world.model?.one?.lexicon ?? {}
  }
  return lexicon
}

/** True when compromise knows a lower-case word as an ordinary word (not as a name). */
export function isDictionaryWord(lower: string): boolean {
  const entry = compromiseLexicon()[lower]
  if (entry === undefined) return false
  const tags = Array.isArray(entry) ? entry : [entry]
  return !tags.some((t) => /Name|Person|Place|Country|City|Region|Organization/.test(t))
}

/** Parses a text once. Words whose reported offsets do not match the text are left out. */
export function analyzeText(text: string): TextAnalysis {
  const doc = nlp(text)
  const sentences = doc.json({ offset: true, terms: { offset: true } }) as unknown
  const tokens: Token[] = []
  if (Array.isArray(sentences)) {
    sentences.forEach((sentence: RawSentence, s) => {
      let first = true
      for (const term of Array.isArray(sentence?.terms) ? sentence.terms : []) {
        if (!isRawTerm(term) || term.offset.length === 0) continue
        const from = term.offset.start
        const to = from + term.offset.length
        if (text.slice(from, to) !== term.text) continue
        const previous = tokens.at(-1)
        const initial = first || OPENERS.test(term.pre) || (previous !== undefined && OPENERS.test(previous.after))
        tokens.push({ index: tokens.length, text: term.text, from, to, tags: new Set(term.tags), sentence: s, initial, after: '' })
        first = false
      }
    })
  }
  tokens.forEach((t, i) => {
    t.after = text.slice(t.to, tokens[i + 1]?.from ?? text.length)
  })
  const byStart = new Map(tokens.map((t) => [t.from, t]))

  const ranges = (matches: unknown): TokenRange[] => {
    if (!Array.isArray(matches)) return []
    const out: TokenRange[] = []
    for (const m of matches as RawMatch[]) {
      const start = m?.offset?.start
      const length = m?.offset?.length
      if (typeof start !== 'number' || typeof length !== 'number') continue
      const first = tokens.findIndex((t) => t.from >= start)
      if (first < 0) continue
      let last = first
      while (last + 1 < tokens.length && tokens[last + 1]!.to <= start + length) last++
      if (tokens[first]!.to <= start + length) out.push({ first, last })
    }
    return out
  }

  return {
    text,
    tokens,
    people: ranges(doc.people().json({ offset: true })),
    organizations: ranges(doc.organizations().json({ offset: true })),
    places: ranges(doc.places().json({ offset: true })),
    tokenAt: (offset) => byStart.get(offset),
  }
}
