import { readFileSync } from 'node:fs'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { bodyPlainText, importPlainText, readMeta, writeImportedArticle } from '../../shared/article/index.ts'
import type { FactKind } from '../../shared/article/factVocabulary.ts'
import { suggestFacts } from '../../shared/article/suggestions/index.ts'
import type { FactSuggestion, SuggestOptions } from '../../shared/article/suggestions/index.ts'
import { findDates } from '../../shared/article/suggestions/dates.ts'
import { findEntities } from '../../shared/article/suggestions/entities.ts'
import { findNumbers } from '../../shared/article/suggestions/numbers.ts'
import { findQuotes } from '../../shared/article/suggestions/quotes.ts'
import { analyzeText } from '../../shared/article/suggestions/textAnalysis.ts'
import { SAMPLE_ARTICLE_PATH } from '../../server/seed/sampleArticle.ts'
import { BUSINESS_STORY, COURT_STORY, HELD_OUT_STORIES, LOCAL_STORY, STORIES, WAR_STORY } from '../fixtures/suggestionStories.ts'
import type { LabelledFact, LabelledStory } from '../fixtures/suggestionStories.ts'

// ---------------------------------------------------------------------------------------------
// Helpers: the server's view of a story, and scoring against hand labels.

/** A story as the server sees it: imported into a Y.Doc, read back as plain text and dateline. */
function imported(source: string): { text: string; datelineDate: string } {
  const doc = new Y.Doc()
  writeImportedArticle(doc, importPlainText(source), 'test')
  return { text: bodyPlainText(doc), datelineDate: readMeta(doc).datelineDate }
}

const KINDS: readonly FactKind[] = ['quote', 'person', 'organization', 'place', 'date', 'number']

interface Score {
  expected: number
  found: number
  matched: number
}

const precision = (s: Score) => (s.found === 0 ? 1 : s.matched / s.found)
const recall = (s: Score) => (s.expected === 0 ? 1 : s.matched / s.expected)

/**
 * Matches found suggestions to labels by kind and text, occurrence by occurrence (a multiset:
 * three "Blinken" labels are matched by at most three "Blinken" suggestions), in reading order.
 * Returns per-kind counts and the label–suggestion pairs, for speaker and date checks.
 */
function score(found: FactSuggestion[], labels: LabelledFact[]): { byKind: Map<string, Score>; pairs: Array<[LabelledFact, FactSuggestion]> } {
  const byKind = new Map<string, Score>(KINDS.map((k) => [k, { expected: 0, found: 0, matched: 0 }]))
  const slot = (kind: string) => byKind.get(kind) ?? byKind.set(kind, { expected: 0, found: 0, matched: 0 }).get(kind)!
  const pool = new Map<string, FactSuggestion[]>()
  for (const s of found) {
    slot(s.kind).found++
    const key = `${s.kind}|${s.text}`
    pool.set(key, [...(pool.get(key) ?? []), s])
  }
  const pairs: Array<[LabelledFact, FactSuggestion]> = []
  for (const l of labels) {
    slot(l.kind).expected++
    const match = pool.get(`${l.kind}|${l.text}`)?.shift()
    if (match) {
      slot(l.kind).matched++
      pairs.push([l, match])
    }
  }
  return { byKind, pairs }
}

function total(byKind: Map<string, Score>): Score {
  const t = { expected: 0, found: 0, matched: 0 }
  for (const s of byKind.values()) {
    t.expected += s.expected
    t.found += s.found
    t.matched += s.matched
  }
  return t
}

/** Prints a small precision/recall table, plus speaker and date accuracy over matched pairs. */
function printTable(title: string, byKind: Map<string, Score>, pairs: Array<[LabelledFact, FactSuggestion]>): void {
  const row = (name: string, s: Score) =>
    `${name.padEnd(13)} ${String(s.expected).padStart(8)} ${String(s.found).padStart(6)} ${String(s.matched).padStart(8)} ${precision(s).toFixed(2).padStart(9)} ${recall(s).toFixed(2).padStart(7)}`
  const speakers = pairs.filter(([l]) => l.speaker !== undefined)
  const dates = pairs.filter(([l]) => l.date !== undefined)
  const lines = [
    `\n${title}`,
    `${'kind'.padEnd(13)} ${'expected'.padStart(8)} ${'found'.padStart(6)} ${'matched'.padStart(8)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}`,
    ...[...byKind].filter(([, s]) => s.expected + s.found > 0).map(([k, s]) => row(k, s)),
    row('overall', total(byKind)),
    `speakers right ${speakers.filter(([l, s]) => l.speaker === s.speaker).length}/${speakers.length}, ` +
      `dates right ${dates.filter(([l, s]) => l.date === s.date).length}/${dates.length}`,
  ]
  console.log(lines.join('\n'))
}

function expectSound(text: string, suggestions: FactSuggestion[]): void {
  const seen = new Set<string>()
  suggestions.forEach((s, i) => {
    expect(text.slice(s.from, s.to), `${s.kind} at ${s.from}`).toBe(s.text)
    const id = `${s.kind}:${s.from}:${s.to}`
    expect(seen.has(id), `duplicate ${id}`).toBe(false)
    seen.add(id)
    if (i > 0) expect(s.from).toBeGreaterThanOrEqual(suggestions[i - 1]!.from)
  })
}

const of = (suggestions: FactSuggestion[], kind: FactKind) => suggestions.filter((s) => s.kind === kind)
const texts = (suggestions: FactSuggestion[], kind: FactKind) => of(suggestions, kind).map((s) => s.text)
const suggest = (text: string, options?: SuggestOptions) => suggestFacts(text, options)

// ---------------------------------------------------------------------------------------------
// The sample article, scored against tests/fixtures/sample-article.labels.json.

describe('fact suggestions on the sample wire story', () => {
  const { text, datelineDate } = imported(readFileSync(SAMPLE_ARTICLE_PATH, 'utf8'))
  const labelFile = JSON.parse(readFileSync(new URL('../fixtures/sample-article.labels.json', import.meta.url), 'utf8')) as Record<string, unknown>
  const labels = KINDS.flatMap((k) => (labelFile[k] ?? []) as LabelledFact[])
  const started = performance.now()
  const suggestions = suggest(text, { datelineDate })
  const firstCallMs = performance.now() - started
  const again = performance.now()
  suggest(text, { datelineDate })
  const secondCallMs = performance.now() - again

  it('imports with the dateline date the relative dates need', () => {
    expect(datelineDate).toBe('2022-01-06')
  })

  it('scores at least the floors measured when it was written (precision and recall per kind)', () => {
    const { byKind, pairs } = score(suggestions, labels)
    printTable(`sample article (${text.length} chars; suggestFacts ${firstCallMs.toFixed(0)} ms first call, ${secondCallMs.toFixed(0)} ms second)`, byKind, pairs)
    // Measured: 1.00 everywhere; the rules were developed with this story in view, so these
    // floors guard against regressions. The stories below are the fairer measure.
    for (const kind of KINDS) {
      const s = byKind.get(kind)!
      expect(precision(s), `${kind} precision`).toBeGreaterThanOrEqual(0.9)
      expect(recall(s), `${kind} recall`).toBeGreaterThanOrEqual(0.9)
    }
    expect(precision(total(byKind))).toBeGreaterThanOrEqual(0.95)
    expect(recall(total(byKind))).toBeGreaterThanOrEqual(0.95)
  })

  it('every suggestion is a true slice of the text, sorted, without duplicates', () => {
    expectSound(text, suggestions)
  })

  it('attributes the Blinken quotes to the full name of his first mention', () => {
    const blinken = of(suggestions, 'quote').filter((q) => /hard to make actual progress|laid out two paths|important that we begin/.test(q.text))
    expect(blinken).toHaveLength(3)
    for (const q of blinken) expect(q.speaker).toBe('Antony Blinken')
    expect(of(suggestions, 'quote').find((q) => q.text === 'relatively narrow set of bilateral issues' && q.speaker)?.speaker).toBe('Ned Price')
  })

  it('drops the one- and two-word scare quotes', () => {
    expect(texts(suggestions, 'quote')).not.toContain('deterrence')
    expect(texts(suggestions, 'quote')).not.toContain('serious costs')
  })

  it('finds the people, organizations and places a desk would tag', () => {
    expect(texts(suggestions, 'person')).toEqual(expect.arrayContaining(['Antony Blinken', 'Annalena Baerbock', 'Ned Price', 'Jen Psaki', 'Putin']))
    expect(texts(suggestions, 'organization')).toEqual(expect.arrayContaining(['NATO', 'OSCE', 'State Department', 'White House']))
    expect(texts(suggestions, 'place')).toEqual(expect.arrayContaining(['Geneva', 'Ukraine', 'Russia', 'Moscow', 'Washington']))
  })

  it('never reads "State Department" (or any part of it) as a place', () => {
    const department = text.indexOf('State Department')
    expect(of(suggestions, 'place').filter((p) => p.from < department + 'State Department'.length && department < p.to)).toEqual([])
    expect(texts(suggestions, 'place').some((t) => /\bState\b/.test(t))).toBe(false)
  })

  it('resolves "Wednesday" to 2022-01-05 and "Tuesday" to 2022-01-04 from the Thursday dateline', () => {
    const dates = of(suggestions, 'date')
    expect(dates.filter((d) => d.text === 'Wednesday').map((d) => d.date)).toEqual(['2022-01-05', '2022-01-05', '2022-01-05'])
    expect(dates.find((d) => d.text === 'Tuesday')?.date).toBe('2022-01-04')
  })
})

// ---------------------------------------------------------------------------------------------
// Stories the detectors were not written for (tests/fixtures/suggestionStories.ts).

/** Scores stories one by one (printing each) and together; returns the combined counts. */
function scoreStories(title: string, stories: readonly LabelledStory[], results: (s: LabelledStory) => { text: string; suggestions: FactSuggestion[] }): Score {
  const all = { found: [] as FactSuggestion[], labels: [] as LabelledFact[] }
  for (const story of stories) {
    const { text, suggestions } = results(story)
    expectSound(text, suggestions)
    const { byKind, pairs } = score(suggestions, story.labels)
    printTable(story.name, byKind, pairs)
    // Prefixing the story keeps equal words in different stories apart in the combined score.
    all.found.push(...suggestions.map((s) => ({ ...s, text: `${story.name}|${s.text}` })))
    all.labels.push(...story.labels.map((l) => ({ ...l, text: `${story.name}|${l.text}` })))
  }
  const { byKind, pairs } = score(all.found, all.labels)
  printTable(title, byKind, pairs)
  return total(byKind)
}

describe('fact suggestions on other stories', () => {
  const results = new Map<LabelledStory, { text: string; suggestions: FactSuggestion[] }>()
  for (const story of [...STORIES, ...HELD_OUT_STORIES]) {
    const { text, datelineDate } = imported(story.source)
    results.set(story, { text, suggestions: suggest(text, { datelineDate }) })
  }
  const get = (story: LabelledStory) => results.get(story)!

  it('scores at least the floors measured on the stories used while tuning', () => {
    // Measured: precision 1.00, recall 0.98. First runs, before tuning on them: local, business
    // and war stories 0.91 and 0.84; the court story (written after those were tuned) 0.95 and 0.88.
    const t = scoreStories('the four tuning stories together', STORIES, get)
    expect(precision(t)).toBeGreaterThanOrEqual(0.95)
    expect(recall(t)).toBeGreaterThanOrEqual(0.93)
  })

  it('scores at least the floors measured on the held-out stories', () => {
    // Measured: precision 0.92, recall 0.86 (first run, before two date fixes: 0.88 and 0.83).
    const t = scoreStories('the two held-out stories together', HELD_OUT_STORIES, get)
    expect(precision(t)).toBeGreaterThanOrEqual(0.88)
    expect(recall(t)).toBeGreaterThanOrEqual(0.8)
  })

  it('local story: straight quotes, "told reporters", a vote tally, a percentage, a currency amount', () => {
    const s = get(LOCAL_STORY).suggestions
    expect(of(s, 'quote').find((q) => q.text.startsWith('We simply cannot wait'))?.speaker).toBe('Linda Okafor')
    expect(of(s, 'quote').find((q) => q.text.startsWith('People are going'))?.speaker).toBe('Raj Patel')
    expect(texts(s, 'organization')).toEqual(expect.arrayContaining(['Ashford City Council', 'Vermont Agency of Transportation']))
    expect(texts(s, 'number')).toEqual(expect.arrayContaining(['5-2', '12,000 vehicles', '$4.7 million', '80 percent']))
    expect(of(s, 'date').find((d) => d.text === 'Tuesday')?.date).toBe('2023-03-07') // "voted … on Tuesday", dateline Thursday
    expect(of(s, 'date').find((d) => d.text === 'Monday, March 20')?.date).toBe('2023-03-20')
  })

  it('business story: curly quotes, "she said", "according to", a company and a union with its acronym', () => {
    const s = get(BUSINESS_STORY).suggestions
    expect(of(s, 'quote').find((q) => q.text.startsWith('Our customers'))?.speaker).toBe('Maria Castellanos')
    expect(of(s, 'quote').find((q) => q.text.startsWith('They waited'))?.speaker).toBe('Tom Reilly')
    expect(texts(s, 'organization')).toEqual(
      expect.arrayContaining(['Brightwater Foods Inc.', 'Brightwater', 'United Food and Commercial Workers International Union', 'UFCW', 'Morgan Stanley']),
    )
    expect(texts(s, 'person')).not.toContain('Morgan Stanley')
    expect(texts(s, 'number')).toEqual(expect.arrayContaining(['9%', '14 percent', '$2.3 billion', '6.5%']))
    expect(of(s, 'date').find((d) => d.text === 'next Tuesday')?.date).toBe('2024-05-21')
  })

  it('war story: a general, "he wrote", institutions, a ministry, "tens of thousands"', () => {
    const s = get(WAR_STORY).suggestions
    expect(texts(s, 'person')).toEqual(expect.arrayContaining(['Oleksandr Tarnavskyi', 'Pat Ryder']))
    expect(of(s, 'quote').find((q) => q.text.startsWith('The enemy'))?.speaker).toBe('Oleksandr Tarnavskyi')
    expect(texts(s, 'organization')).toEqual(expect.arrayContaining(['Kremlin', 'Pentagon', 'Ministry of Defence', 'Russian Defense Ministry', 'United Nations']))
    expect(texts(s, 'number')).toEqual(expect.arrayContaining(['Tens of thousands of civilians', '$200 million', 'two days']))
    expect(of(s, 'date').map((d) => d.text)).not.toContain('two days') // "lost … in two days" is a duration
  })

  it('court story (held out): judge, lawyer in apposition, age, year range, "Jan." date', () => {
    const s = get(COURT_STORY).suggestions
    expect(texts(s, 'person')).toEqual(expect.arrayContaining(['Carla Mendez', 'Daniel Whitcombe', 'Sam Okoro']))
    expect(of(s, 'quote').find((q) => q.text.startsWith('He has shown'))?.speaker).toBe('Sam Okoro')
    expect(of(s, 'date').find((d) => d.text === 'Jan. 10')?.date).toBe('2023-01-10')
    expect(texts(s, 'organization')).toEqual(expect.arrayContaining(['Bright Futures Fund', 'Bureau of Prisons']))
  })
})

// ---------------------------------------------------------------------------------------------
// Each detector on its own.

describe('quotes', () => {
  const quotes = (text: string) => findQuotes(text, findEntities(analyzeText(text)))
  const speakerOf = (text: string) => {
    const q = quotes(text)
    expect(q).toHaveLength(1)
    return q[0]!.speaker
  }

  it.each([
    ['X said, after', '“We will rebuild the school by autumn,” Jane Whitfield said.', 'Jane Whitfield'],
    ['said X, after', '“We will rebuild the school by autumn,” said Jane Whitfield, the principal.', 'Jane Whitfield'],
    ['X said, before', 'Jane Whitfield said on Monday, “We will rebuild the school by autumn.”', 'Jane Whitfield'],
    ['X told reporters', 'Mayor Tom Greaves told reporters: “The budget is balanced this year.”', 'Tom Greaves'],
    ['according to X, before', 'According to Maria Lopez, the levee was “never designed for this much water.”', 'Maria Lopez'],
    ['according to X, after', 'The levee was “never designed for this much water,” according to engineer Maria Lopez.', 'Maria Lopez'],
    ['X added', '“The pumps failed at midnight,” Maria Lopez added.', 'Maria Lopez'],
    ['X wrote', 'Maria Lopez wrote that the plan was “a recipe for disaster downstream.”', 'Maria Lopez'],
    ['X noted', 'Maria Lopez noted that the pumps were “older than most of the staff.”', 'Maria Lopez'],
    ['X, apposition, said', '“The pumps failed at midnight,” Maria Lopez, the chief engineer, said.', 'Maria Lopez'],
    ['straight quotes', '"The pumps failed at midnight," Maria Lopez said.', 'Maria Lopez'],
    ['a characterization', 'Maria Lopez called the repairs "a patch on a patch on a patch."', 'Maria Lopez'],
  ])('%s', (_, text, speaker) => {
    expect(speakerOf(text)).toBe(speaker)
  })

  it('names the speaker by the full name of the first mention when a surname is used', () => {
    const text = 'Jane Whitfield runs the school. “We will rebuild it by autumn,” Whitfield said.'
    expect(speakerOf(text)).toBe('Jane Whitfield')
  })

  it('resolves he/she to the most recent person named before, skipping a name of the other gender', () => {
    expect(speakerOf('Officials met Maria Lopez on Monday. “The pumps failed at midnight,” she said.')).toBe('Maria Lopez')
    expect(speakerOf('Maria Lopez briefed Tom Greaves. “The pumps failed at midnight,” she said.')).toBe('Maria Lopez')
    expect(speakerOf('Tom Greaves spoke first. He said the repairs were “a patch on a patch.”')).toBe('Tom Greaves')
  })

  it('leaves the speaker undefined when the sentence names no one', () => {
    expect(speakerOf('The report called the plan “a recipe for disaster downstream.”')).toBeUndefined()
    expect(speakerOf('“The pumps failed at midnight,” the engineer said.')).toBeUndefined()
  })

  it('does not attribute a quote to a name inside another quotation, or to the next sentence', () => {
    expect(speakerOf('“I told Tom Greaves about it yesterday,” the engineer said.')).toBeUndefined()
    expect(speakerOf('Jane Whitfield opened the meeting with “a long list of complaints.” Tom Greaves said nothing about them for an hour.')).toBeUndefined()
  })

  it('ignores scare quotes of one or two words and quoted titles', () => {
    expect(quotes('He called the inquiry a “witch hunt” again and again.')).toEqual([])
    expect(quotes('The so-called "reform" passed.')).toEqual([])
    expect(quotes('She starred in “The Long Goodbye Home” last year.')).toEqual([])
  })

  it('finds single curly quotes in headlines and quotes running on across paragraphs', () => {
    expect(quotes('Mayor warns of ‘a very long winter ahead’').map((q) => q.text)).toEqual(['a very long winter ahead'])
    expect(quotes('“The first part runs on to the end of this paragraph.\n\n“And the second part is closed here,” she said.').map((q) => q.text)).toEqual([
      'The first part runs on to the end of this paragraph.',
      'And the second part is closed here',
    ])
  })

  it('does not take apostrophes for single quotes', () => {
    expect(quotes('Ukraine’s and Russia’s ‘90s politics weren’t simple.')).toEqual([])
  })
})

describe('people, organizations and places', () => {
  const entities = (text: string) => findEntities(analyzeText(text)).map((e) => `${e.kind}:${e.text}`)

  it.each([
    ['Prime Minister Helga Norberg arrived.', 'person:Helga Norberg'],
    ['Foreign Minister Helga Norberg arrived.', 'person:Helga Norberg'],
    ['It was Gen. Marcus Oyelaran who spoke.', 'person:Marcus Oyelaran'],
    ['The talks were led by Chancellor Helga Norberg.', 'person:Helga Norberg'],
    ['A statement came from spokeswoman Kim Arvidsson.', 'person:Kim Arvidsson'],
    ['It was Secretary of State Helga Norberg who spoke.', 'person:Helga Norberg'],
  ])('a title makes a person, without the title: %s', (text, expected) => {
    expect(entities(text)).toContain(expected)
    expect(entities(text).some((e) => /Minister|Gen|Chancellor|spokeswoman|Secretary/.test(e))).toBe(false)
  })

  it.each([
    ['The Energy Department issued a warning.', 'organization:Energy Department'],
    ['Officials at the Ministry of Agriculture declined.', 'organization:Ministry of Agriculture'],
    ['The Coastal Water Agency issued a warning.', 'organization:Coastal Water Agency'],
    ['Officials at FEMA declined to comment.', 'organization:FEMA'],
    ['A letter to the Senate was sent.', 'organization:Senate'],
    ['The Kremlin denied it.', 'organization:Kremlin'],
    ['It came from the White House on Friday.', 'organization:White House'],
    ['Hillsborough Community College closed.', 'organization:Hillsborough Community College'],
  ])('organization patterns: %s', (text, expected) => {
    expect(entities(text)).toContain(expected)
  })

  it('"State Department" is an organization, and the "US" before it a place', () => {
    const found = entities('A US State Department official said so, and the State Department agreed.')
    expect(found).toEqual(expect.arrayContaining(['place:US', 'organization:State Department']))
    expect(found.filter((e) => e.startsWith('place:') && e.includes('State'))).toEqual([])
  })

  it('common abbreviations in capitals are not organizations', () => {
    const found = entities('The CEO said GDP grew while the TV showed a VIP.')
    expect(found.filter((e) => e.startsWith('organization:'))).toEqual([])
  })

  it('a surname alone after the full name is the same person', () => {
    const mentions = findEntities(analyzeText('Farida Okonjo won. Later, Okonjo thanked voters. Okonjo’s team cheered.'))
    expect(mentions.filter((m) => m.kind === 'person').map((m) => [m.text, m.canonical])).toEqual([
      ['Farida Okonjo', 'Farida Okonjo'],
      ['Okonjo', 'Farida Okonjo'],
      ['Okonjo', 'Farida Okonjo'],
    ])
  })

  it('places: known places, place words and "in <Name>"', () => {
    const found = entities('Crews from Toronto worked on Harbour Street in Millbrook.')
    expect(found).toEqual(expect.arrayContaining(['place:Toronto', 'place:Harbour Street', 'place:Millbrook']))
  })

  it('does not take sentence-initial words or demonyms for names', () => {
    const found = entities('During the storm, German and Russian crews helped. However, nobody came.')
    expect(found).toEqual([])
  })

  it('proposes every occurrence of a known entity, and the desk’s kind wins for the same words', () => {
    const text = 'Larkspur opened in May. Visitors love Larkspur. The Larkspur Trust runs it.'
    const found = suggest(text, { knownEntities: [{ kind: 'place', text: 'Larkspur' }] })
    expect(of(found, 'place').map((p) => p.from)).toEqual([0, text.indexOf('Larkspur.')])
    expect(texts(found, 'organization')).toContain('Larkspur Trust') // a longer name found by a pattern still wins
    const asPerson = suggest('Meet Georgia. Georgia said hello.', { knownEntities: [{ kind: 'person', text: 'Georgia' }] })
    expect(texts(asPerson, 'person')).toEqual(['Georgia', 'Georgia'])
    expect(texts(asPerson, 'place')).toEqual([])
  })
})

describe('dates', () => {
  const dates = (text: string, datelineDate?: string) => findDates(analyzeText(text), datelineDate).map((d) => [d.text, d.date])

  it('a bare weekday in a past sentence is the latest such day on or before the dateline', () => {
    // 2022-01-06 is a Thursday.
    expect(dates('The minister spoke on Wednesday.', '2022-01-06')).toEqual([['Wednesday', '2022-01-05']])
    expect(dates('The minister said Friday that talks had failed.', '2022-01-06')).toEqual([['Friday', '2021-12-31']])
    expect(dates('The minister spoke on Thursday.', '2022-01-06')).toEqual([['Thursday', '2022-01-06']])
    expect(dates('Earlier on Saturday, crews arrived.', '2022-01-06')).toEqual([['Saturday', '2022-01-01']])
  })

  it('a bare weekday in a sentence looking ahead is the next such day', () => {
    expect(dates('The talks will resume on Monday.', '2022-01-06')).toEqual([['Monday', '2022-01-10']])
    expect(dates('The trial begins Friday.', '2022-01-06')).toEqual([['Friday', '2022-01-07']])
  })

  it('absolute dates, and relative ones against the dateline', () => {
    expect(dates('It happened on January 6, 2021, in the capital.', '2022-01-06')).toEqual([['January 6, 2021', '2021-01-06']])
    expect(dates('The deadline is Jan. 10.', '2022-01-06')).toEqual([['Jan. 10', '2022-01-10']])
    expect(dates('He arrived yesterday.', '2022-01-06')).toEqual([['yesterday', '2022-01-05']])
    expect(dates('She left last Friday.', '2022-01-06')).toEqual([['last Friday', '2021-12-31']])
  })

  it('no day for weeks, months and years', () => {
    expect(dates('The vote is next week.', '2022-01-06')).toEqual([['next week', undefined]])
    expect(dates('Prices rose in March.', '2022-01-06')).toEqual([['March', undefined]])
    expect(dates('The bridge closed in 2011, and again since 2019.', '2022-01-06')).toEqual([
      ['2011', undefined],
      ['2019', undefined],
    ])
  })

  it('without a dateline, only a full date gets a day', () => {
    expect(dates('It began on Wednesday, Jan. 10, and ended on January 6, 2021.')).toEqual([
      ['Wednesday, Jan. 10', undefined],
      ['January 6, 2021', '2021-01-06'],
    ])
  })

  it('is not fooled by names, verbs and clocks', () => {
    expect(dates('Theresa May said they would march at 5 and meet at noon.', '2022-01-06')).toEqual([])
    expect(dates('The Sun reported it.', '2022-01-06')).toEqual([])
    expect(dates('She sat down before they could wed.', '2022-01-06')).toEqual([])
  })

  it('durations are not dates: "within 48 hours", "in two days" in a past sentence, "three years before"', () => {
    expect(dates('The rebels must leave within 48 hours.', '2022-01-06')).toEqual([])
    expect(dates('The army lost 30 tanks in two days.', '2022-01-06')).toEqual([])
    expect(dates('The test finds it three years before symptoms appear.', '2022-01-06')).toEqual([])
    expect(dates('The vote will take place in two days.', '2022-01-06')).toEqual([['in two days', '2022-01-08']])
  })
})

describe('numbers', () => {
  const numbers = (text: string) => findNumbers(analyzeText(text)).map((n) => n.text)

  it.each([
    ['About 100,000 troops massed at the border.', ['100,000 troops']],
    ['The plan costs $5 billion.', ['$5 billion']],
    ['Turnout fell 30 percent and then 2.5 percentage points.', ['30 percent', '2.5 percentage points']],
    ['Support stood at 41%.', ['41%']],
    ['Tens of thousands marched.', ['Tens of thousands']],
    ['Tens of thousands of protesters marched.', ['Tens of thousands of protesters']],
    ['Twenty-five people and three such meetings.', ['Twenty-five people', 'three such meetings']],
    ['The fund lost €300m and £1.2bn.', ['€300m', '£1.2bn']],
    ['A 5-year-old drove 10 km in 3.5 million ways.', ['5-year-old', '10 km', '3.5 million ways']],
    ['Hundreds of residents fled.', ['Hundreds of residents']],
    ['The council voted 5-2.', ['5-2']],
  ])('%s', (text, expected) => {
    expect(numbers(text)).toEqual(expected)
  })

  it.each([
    ['One of the men left.'],
    ['The two met at 10:30 a.m. on Apollo 11.'],
    ['1. Buy milk\n2. Buy eggs'],
    ['It opened in 2019.'],
  ])('not a figure: %s', (text) => {
    expect(numbers(text)).toEqual([])
  })

  it('a year inside a date is the date’s, not a figure', () => {
    const found = suggest('It happened on January 6, 2021, when 140 officers were hurt.', { datelineDate: '2022-01-06' })
    expect(texts(found, 'number')).toEqual(['140 officers'])
    expect(texts(found, 'date')).toEqual(['January 6, 2021'])
  })
})

describe('suggestFacts options and contract', () => {
  const text = 'Officials in Geneva met on Monday. Later, talks moved from Geneva to Vienna, spokesman Paolo Ricci said.'

  it('does not propose dismissed suggestions again, by kind and text (spaces normalized)', () => {
    const all = suggest(text)
    expect(texts(all, 'place')).toEqual(['Geneva', 'Geneva', 'Vienna'])
    const dismissed = suggest(text, { dismissed: [{ kind: 'place', text: ' Geneva ' }, { kind: 'person', text: 'Paolo  Ricci' }] })
    expect(texts(dismissed, 'place')).toEqual(['Vienna'])
    expect(texts(dismissed, 'person')).toEqual([])
    // Same words, other kind: still proposed.
    expect(texts(suggest(text, { dismissed: [{ kind: 'organization', text: 'Geneva' }] }), 'place')).toEqual(['Geneva', 'Geneva', 'Vienna'])
  })

  it('proposes known tags of any kind wherever their words recur', () => {
    const claim = 'the bridge is the oldest in the state'
    const found = suggest(`Locals say ${claim}. Engineers doubt ${claim}.`, { knownEntities: [{ kind: 'claim', text: claim }] })
    expect(of(found, 'claim')).toHaveLength(2)
  })

  it('keeps UTF-16 offsets exact around emoji, accents and odd spacing', () => {
    const odd = '🎉 Zoë Kowalczyk  said\tthe café in Kraków lost $2 million.\n\n“We are not finished yet,” Kowalczyk said.'
    const found = suggest(odd)
    expectSound(odd, found)
    expect(texts(found, 'person')).toEqual(['Zoë Kowalczyk', 'Kowalczyk'])
    expect(texts(found, 'number')).toEqual(['$2 million'])
    expect(of(found, 'quote')[0]?.speaker).toBe('Zoë Kowalczyk')
  })

  it('returns nothing for empty text and refuses a non-string', () => {
    expect(suggest('')).toEqual([])
    expect(suggest('   \n\n ')).toEqual([])
    expect(() => suggestFacts(42 as unknown as string)).toThrow(TypeError)
  })
})
