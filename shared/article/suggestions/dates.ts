/**
 * Dates, found by chrono-node and resolved against the dateline. News conventions on top of it:
 * - a bare weekday ("on Wednesday") is the most recent such day on or before the dateline when
 *   the nearest verb is in the past ("said", "has met", or "earlier"/"ago" nearby), the next such
 *   day on or after it when the verb looks ahead ("will", "is going to", a present "begins");
 *   chrono's own "last Friday"/"next Friday" stand;
 * - `date` is set only when the words name a day ("Jan. 10", "Wednesday", "yesterday"), not for
 *   "next week" or "in March", and never from the clock: without a dateline, only a full date
 *   with its year ("January 6, 2022") gets one;
 * - times alone ("at 5", "noon", "now"), "may"/"march" in lower case, "Sun"/"Sat", people called
 *   May, durations ("lost 900 soldiers in two days", "within 48 hours", "three years before
 *   symptoms") are not dates;
 *   a year after "in", "since", "by" … ("since 2014") is, without a day.
 */
import * as chrono from 'chrono-node'
import type { ParsedResult } from 'chrono-node'
import type { FactSuggestion } from './factSuggestion.ts'
import { hasTag } from './nameRuns.ts'
import type { TextAnalysis, Token } from './textAnalysis.ts'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const LEADING_PREPOSITION = /^(?:on|at|in|by|since|until|till|from|during|before|after|of|for|through|between|as of)\s+/i
const LOWER_MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/
const WEEKDAY_ABBREVIATION = /^(?:sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat)\.?$/i // also "she sat", "to wed"
const COARSE_UNIT = /\b(?:weeks?|months?|years?|weekends?|decades?|centur(?:y|ies)|quarters?)\b/i
const ANAPHORIC = /\b(?:before|earlier|later|after|previous|following|next day)\b/i
const EXPLICIT_DIRECTION = /\b(?:last|next|this|past|coming)\b/i
const YEAR_AFTER_PREPOSITION = /\b(?:in|since|by|until|from|during|before|after|through|between|early|late|mid)[\s-]+((?:1[89]|20)\d\d)\b(?!\d|,\d)/gi
/** The second year of "between 2016 and 2020", "from 2016 to 2020". */
const SECOND_YEAR = /\b(?:between|from)\s+(?:1[89]|20)\d\d\s+(?:and|to|until|through)\s+((?:1[89]|20)\d\d)\b(?!\d|,\d)/gi

const COUNT = String.raw`(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)`
/** "in two days": a date ahead, or in a past sentence a duration. */
const IN_SPAN = new RegExp(String.raw`^in\s+${COUNT}\s+(?:days?|weeks?|months?|years?|hours?|minutes?)$`, 'i')
/** "within 48 hours", "for two days": always a duration. */
const DURATION = new RegExp(String.raw`^(?:within|for|over)\s+${COUNT}\s+(?:days?|weeks?|months?|years?|hours?|minutes?)$`, 'i')

const RELATIVE_TO_EVENT = new RegExp(String.raw`^${COUNT}\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:before|after|earlier|later)$`, 'i')

const PAST_CUES = new Set(['earlier', 'ago', 'yesterday', 'previously', 'already'])
const FUTURE_CUES = new Set(['later', 'upcoming', 'tomorrow', 'will', 'shall', "'ll", '’ll'])
const FUTURE_AUXILIARIES = new Set(['will', 'shall', "'ll", '’ll', 'going', 'gonna', 'due', 'scheduled', 'set', 'expected'])
const PAST_AUXILIARIES = new Set(['had', 'has', 'have', 'was', 'were', 'did'])
const VERB_WINDOW = 10
const CUE_WINDOW = 3

/** A dateline date as a UTC day number (days since 1970), or undefined. */
function parseDay(date: string | undefined): number | undefined {
  const m = date ? ISO_DATE.exec(date) : null
  if (!m) return undefined
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  const d = new Date(ms)
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return undefined
  return ms / 86_400_000
}

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
}

function isoOf(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day))
  return d.getUTCDate() === day && d.getUTCMonth() === month - 1 ? d.toISOString().slice(0, 10) : undefined
}

/** Past, future, or unknown: how the sentence around a weekday leans, by cue words then the nearest verb. */
function tenseAround(a: TextAnalysis, index: number): 'past' | 'future' | undefined {
  const { tokens } = a
  const at = tokens[index]
  if (!at) return undefined
  const near = (d: number) => {
    const t = tokens[index + d]
    return t && t.sentence === at.sentence ? t : undefined
  }
  for (let d = 1; d <= CUE_WINDOW; d++) {
    for (const t of [near(-d), near(d)]) {
      const w = t?.text.toLowerCase() ?? ''
      if (PAST_CUES.has(w)) return 'past'
      if (FUTURE_CUES.has(w)) return 'future'
    }
  }
  for (let d = 1; d <= VERB_WINDOW; d++) {
    for (const t of [near(-d), near(d)]) {
      if (!t || !hasTag(t, 'Verb') || hasTag(t, 'Auxiliary', 'Modal', 'Copula', 'Gerund')) continue
      // "to close", "according to": complements and set phrases carry no tense of their own.
      if (hasTag(t, 'Infinitive') && tokens[t.index - 1]?.text.toLowerCase() === 'to') continue
      const chain: Token[] = []
      for (let k = t.index - 1; k >= Math.max(0, t.index - 3) && tokens[k]!.sentence === at.sentence; k--) chain.push(tokens[k]!)
      const words = chain.map((c) => c.text.toLowerCase())
      if (words.some((w) => FUTURE_AUXILIARIES.has(w))) return 'future'
      if (words.some((w) => PAST_AUXILIARIES.has(w)) || hasTag(t, 'PastTense')) return 'past'
      if (hasTag(t, 'PresentTense', 'FutureTense', 'Infinitive')) return 'future'
      return undefined
    }
  }
  return undefined
}

/** The day a bare weekday names, seen from the dateline: ahead when the sentence looks ahead, else just past. */
function resolveWeekday(weekday: number, dateline: number, tense: 'past' | 'future' | undefined): number {
  const datelineWeekday = new Date(dateline * 86_400_000).getUTCDay()
  return tense === 'future' ? dateline + ((weekday - datelineWeekday + 7) % 7) : dateline - ((datelineWeekday - weekday + 7) % 7)
}

/** Trims a leading "on " and trailing punctuation; returns the trimmed span or undefined if nothing is left. */
function trimSpan(text: string, from: number, to: number): [number, number] | undefined {
  const lead = LEADING_PREPOSITION.exec(text.slice(from, to))
  // "in two days" keeps its "in": without it the words name a span, not a day.
  if (lead && !IN_SPAN.test(text.slice(from, to).trim())) from += lead[0].length
  while (to > from && /[\s,;:]/.test(text[to - 1]!)) to--
  if (text[to - 1] === '.' && !/(?:^|\s)\p{L}{1,4}\.$/u.test(text.slice(from, to))) to--
  return to > from ? [from, to] : undefined
}

function dayOf(r: ParsedResult, dateline: number | undefined, words: string, a: TextAnalysis, tokenIndex: number): string | undefined {
  const s = r.start
  if (COARSE_UNIT.test(words) || ANAPHORIC.test(words)) return undefined
  if (dateline === undefined) {
    const relative = [...r.tags()].some((t) => /relative|casual/i.test(t))
    if (relative || !s.isCertain('year') || !s.isCertain('month') || !s.isCertain('day')) return undefined
    return isoOf(s.get('year')!, s.get('month')!, s.get('day')!)
  }
  if (s.isCertain('weekday') && !s.isCertain('day') && !s.isCertain('month')) {
    if (EXPLICIT_DIRECTION.test(words)) return isoOf(s.get('year')!, s.get('month')!, s.get('day')!)
    return isoDay(resolveWeekday(s.get('weekday')!, dateline, tenseAround(a, tokenIndex)))
  }
  // A named day; a missing year is the one nearest the dateline, as chrono implies it.
  return s.isCertain('day') ? isoOf(s.get('year')!, s.get('month')!, s.get('day')!) : undefined
}

/** Date mentions in a text, with the day each names when it can be known. */
export function findDates(a: TextAnalysis, datelineDate?: string): FactSuggestion[] {
  const { text } = a
  const dateline = parseDay(datelineDate)
  const instant = new Date(((dateline ?? parseDay('2000-01-01')!) * 86_400_000) + 12 * 3_600_000)
  const out: FactSuggestion[] = []
  for (const r of chrono.parse(text, { instant, timezone: 0 }, { forwardDate: false })) {
    const span = trimSpan(text, r.index, r.index + r.text.length)
    if (!span) continue
    const [from, to] = span
    const words = text.slice(from, to)
    if (LOWER_MONTH.test(words) || WEEKDAY_ABBREVIATION.test(words) || /^(?:right |just )?now$/i.test(words)) continue
    // "three years before", "a week later": counted from an event, not the dateline — a figure, not a date.
    if (RELATIVE_TO_EVENT.test(words)) continue
    const token = a.tokenAt(from)
    // "lost 900 soldiers in two days" (a past sentence), "within 48 hours": durations, not dates.
    if (DURATION.test(r.text.trim()) || (IN_SPAN.test(r.text.trim()) && token && tenseAround(a, token.index) === 'past')) continue
    if (token && hasTag(token, 'Person') && !/\d/.test(words)) continue // "Theresa May"
    const s = r.start
    const anyDay = (['year', 'month', 'day', 'weekday'] as const).some((c) => s.isCertain(c))
    if (!anyDay && !COARSE_UNIT.test(words)) continue
    const date = dayOf(r, dateline, words, a, token?.index ?? -1)
    out.push({ kind: 'date', text: words, from, to, ...(date ? { date } : {}) })
  }
  for (const m of [...text.matchAll(YEAR_AFTER_PREPOSITION), ...text.matchAll(SECOND_YEAR)]) {
    const from = m.index + m[0].length - m[1]!.length
    const to = from + m[1]!.length
    if (!out.some((d) => d.from < to && from < d.to)) out.push({ kind: 'date', text: m[1]!, from, to })
  }
  return out.sort((x, y) => x.from - y.from)
}
