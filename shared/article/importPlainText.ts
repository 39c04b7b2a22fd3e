/**
 * The plain-text importer: turns wire copy into headline, dateline, body blocks and image credit.
 * Rules (each one general, none tied to a particular story):
 * - a leading `date YYYY-MM-DD` is the dateline date, not body text;
 * - a leading all-caps place before a dash (`KYIV, Ukraine (AP) —`) is the dateline place;
 * - blank lines separate paragraphs; single line breaks inside one are re-flowed into spaces;
 * - a first block that is one short line without final punctuation is the headline, if none was given;
 * - any other short line without a final full stop is a subheading;
 * - a trailing `Image: …` / `Photo: …` line is the image credit.
 */

/** One body block, in order. */
export interface ImportedBlock {
  type: 'paragraph' | 'subheading'
  text: string
}

/** What the importer found in a text. */
export interface ImportedArticle {
  headline: string
  datelineDate: string
  datelinePlace: string
  imageCredit: string
  blocks: ImportedBlock[]
}

const DATE_PREFIX = /^date\s+(\d{4}-\d{2}-\d{2})\b\s*/i
const CREDIT_LINE = /^(?:image|photo|picture|photograph)(?:\s+credit)?\s*:\s*(.+)$/i
// An all-caps place, optionally ", Region" and "(Agency)", then a dash: "WASHINGTON (AP) —".
const DATELINE_PLACE = /^([A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3})((?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?)\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s+/
// Final punctuation that ends a sentence, possibly followed by closing quotes or brackets.
const SENTENCE_END = /[.!?…:;,]["'”’»)\]]*$/
const DATELINE_WINDOW = 120
const MAX_SHORT_LINE_CHARS = 120
const MAX_SHORT_LINE_WORDS = 16

/** True for one line, short, with no final sentence punctuation: a heading rather than prose. */
export function isHeadingLike(block: string): boolean {
  if (block.includes('\n')) return false
  const words = block.split(/\s+/).filter(Boolean)
  return (
    block.length > 0 &&
    block.length <= MAX_SHORT_LINE_CHARS &&
    words.length <= MAX_SHORT_LINE_WORDS &&
    !SENTENCE_END.test(block)
  )
}

function titleCase(allCaps: string): string {
  return allCaps.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())
}

/** Splits text into trimmed, non-empty blocks separated by blank lines. */
function splitBlocks(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/^\uFEFF/, '')
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0)
}

/**
 * Re-flows hard-wrapped lines of one paragraph into single spaces. Split and trim, not one regex
 * around the newline: that one backtracks quadratically on long runs of spaces (a pasted 160 KB text
 * froze the server for seconds).
 */
function reflow(block: string): string {
  return block
    .split('\n')
    .map((line) => line.trim())
    .join(' ')
    .replace(/[ \t]{2,}/g, ' ')
}

/** Parses plain text. `headline`, when given, wins over a headline found in the text. */
export function importPlainText(text: string, headline?: string): ImportedArticle {
  if (typeof text !== 'string') throw new TypeError('importPlainText expects a string')
  const blocks = splitBlocks(text)
  const out: ImportedArticle = {
    headline: headline?.trim() ?? '',
    datelineDate: '',
    datelinePlace: '',
    imageCredit: '',
    blocks: [],
  }

  if (blocks.length > 0) {
    const m = DATE_PREFIX.exec(blocks[0]!)
    if (m) {
      out.datelineDate = m[1]!
      blocks[0] = blocks[0]!.slice(m[0].length).trim()
      if (blocks[0] === '') blocks.shift()
    }
  }

  const last = blocks.at(-1)
  const credit = last !== undefined && !last.includes('\n') ? CREDIT_LINE.exec(last) : null
  if (credit) {
    out.imageCredit = credit[1]!.trim()
    blocks.pop()
  }

  if (blocks.length > 1 && isHeadingLike(blocks[0]!)) {
    const title = blocks.shift()!
    if (out.headline === '') out.headline = title
    else out.blocks.push({ type: 'subheading', text: title })
  }

  blocks.forEach((raw, i) => {
    let block = raw
    if (i === 0 && out.blocks.length === 0) {
      // A dateline is at the very start: look at the first characters only (the pattern backtracks).
      const place = DATELINE_PLACE.exec(block.slice(0, DATELINE_WINDOW))
      if (place && place[1]!.length >= 3) {
        out.datelinePlace = (titleCase(place[1]!) + place[2]!).trim()
        block = block.slice(place[0].length)
      }
    }
    const type = isHeadingLike(block) && i > 0 ? 'subheading' : 'paragraph'
    out.blocks.push({ type, text: type === 'paragraph' ? reflow(block) : block })
  })
  return out
}
