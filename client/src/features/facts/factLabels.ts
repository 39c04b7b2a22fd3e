import type { FactKind, FactStatus } from '../../../../shared/article/index.ts'

/** What each kind of tag is called in the interface. */
export const KIND_LABELS: Readonly<Record<FactKind, string>> = {
  claim: 'Claim',
  quote: 'Quote',
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  date: 'Date',
  number: 'Number',
  other: 'Other',
}

/** The kinds, plural, for group headings. */
export const KIND_PLURALS: Readonly<Record<FactKind, string>> = {
  claim: 'Claims',
  quote: 'Quotes',
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
  date: 'Dates',
  number: 'Numbers',
  other: 'Other',
}

/** A line under each kind in the tag menu. */
export const KIND_HINTS: Readonly<Record<FactKind, string>> = {
  claim: 'A statement of fact to check',
  quote: 'Words someone said',
  person: 'A named person',
  organization: 'A company, agency, party…',
  place: 'A city, country, address…',
  date: 'A day, month or year',
  number: 'A figure, amount or count',
  other: 'Anything else to check',
}

/** What each status is called. */
export const STATUS_LABELS: Readonly<Record<FactStatus, string>> = {
  unverified: 'Unverified',
  'needs-source': 'Needs source',
  verified: 'Verified',
  'needs-recheck': 'Needs recheck',
  disputed: 'Disputed',
  false: 'False',
  retracted: 'Retracted',
}

/** What each status means, for the legend (docs/facts.md). */
export const STATUS_DESCRIPTIONS: Readonly<Record<FactStatus, string>> = {
  unverified: 'Tagged; nobody has checked it yet.',
  'needs-source': 'A checker wants a source before it can be verified.',
  verified: 'Checked against the listed sources.',
  'needs-recheck': 'Was verified, then its words changed: check it again.',
  disputed: 'Sources disagree, or the subject contests it.',
  false: 'Checked and wrong.',
  retracted: 'Withdrawn from the story.',
}

/**
 * A mark for each status that does not rely on colour (WCAG 1.4.1): shown after a tagged span and
 * beside every status in lists. The underline's line style differs too (styles.css, the legend).
 */
export const STATUS_ICONS: Readonly<Record<FactStatus, string>> = {
  unverified: '?',
  'needs-source': '§',
  verified: '✓',
  'needs-recheck': '↻',
  disputed: '⚖',
  false: '✗',
  retracted: '⊘',
}

/** The underline's line style per status, as the legend names it (styles.css draws it). */
export const STATUS_LINES: Readonly<Record<FactStatus, string>> = {
  unverified: 'dotted',
  'needs-source': 'dashed',
  verified: 'solid',
  'needs-recheck': 'wavy',
  disputed: 'double',
  false: 'thick solid',
  retracted: 'struck through',
}

/** A status of a record that may be missing (a mark whose record has not arrived or was removed). */
export function statusLabel(status: FactStatus | null): string {
  return status === null ? 'No record' : STATUS_LABELS[status]
}

/** "a claim", "an organization": a kind in running text. */
export function kindWithArticle(kind: FactKind): string {
  const label = KIND_LABELS[kind].toLowerCase()
  return /^[aeiou]/.test(label) ? `an ${label}` : `a ${label}`
}

/** `text` as a short quotation for messages: “…”, whitespace collapsed, at most 60 characters. */
export function shortQuote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return `“${flat.length > 60 ? `${flat.slice(0, 57)}…` : flat}”`
}
