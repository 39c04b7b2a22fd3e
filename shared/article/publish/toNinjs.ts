import { stringify } from 'safe-stable-stringify'
import type * as Y from 'yjs'
import { getBody, readMeta } from '../articleDoc.ts'
import { bodyPlainText, countWords } from '../bodyText.ts'
import { FACT_MARK } from '../factMark.ts'
import { readFacts, type FactRecord } from '../facts.ts'
import type { FactKind } from '../factVocabulary.ts'
import { markedRanges } from '../markedSpans.ts'
import { bodyHtml } from './bodyHtml.ts'

/** The official schema a strict document names and validates against. */
export const NINJS_SCHEMA_ID = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#'
/** The Galley extension of ninjs 3.1 (docs/schemas/ninjs-galley-3.1.json): ninjs plus `factChecks`. */
export const GALLEY_SCHEMA_ID = 'https://schemas.galley.news/ninjs-galley-3.1.json#'
/** The verification-status vocabulary (docs/publishing.md): a status's URI is this plus its name. */
export const VERIFICATION_STATUS_VOCABULARY = 'urn:galley:vocabulary:verification-status:'

/** `ninjs`: the strict standard document; `galley`: the same plus the `factChecks` extension. */
export type NinjsProfile = 'ninjs' | 'galley'

/** A trust indicator as ninjs carries it (`role` a URI, e.g. from http://cv.iptc.org/newscodes/trustindicator). */
export interface TrustIndicator {
  role: string
  title: string
  href: string
}

/** What a publication adds to the article's state: its identity, version and the newsroom's settings. */
export interface PublicationInfo {
  /** The article's stable URI. */
  uri: string
  version: number
  firstCreated: string
  versionCreated: string
  language: string
  /** A correction or update note for this version (`edNote`). */
  note: string
  copyrightNotice: string
  usageTerms: string
  trustIndicators: readonly TrustIndicator[]
}

/** A fact check as the Galley extension carries it. */
export interface PublishedFactCheck {
  id: string
  kind: FactKind
  status: FactRecord['status']
  text: string
  /** Offsets of `text` in the `text/plain` body. */
  start: number
  end: number
  speaker: string | null
  sources: FactRecord['sources']
  checkedAgainstRecording: boolean
  canonicalName: string
  uri: string
  note: string
  verifiedBy: string | null
  verifiedAt: string | null
}

const ENTITY_FIELDS: Partial<Record<FactKind, 'people' | 'organisations' | 'places'>> = {
  person: 'people',
  organization: 'organisations',
  place: 'places',
}

/** Every fact tag that is in the body, with its text and offsets in the plain body. */
export function publishedFactChecks(doc: Y.Doc, plain: string): PublishedFactCheck[] {
  const ranges = new Map<string, { from: number; to: number }>()
  for (const range of markedRanges(doc, FACT_MARK, 'tagId')) {
    const known = ranges.get(range.id)
    ranges.set(range.id, known ? { from: Math.min(known.from, range.from), to: Math.max(known.to, range.to) } : { from: range.from, to: range.to })
  }
  return readFacts(doc).flatMap((fact) => {
    const range = ranges.get(fact.id)
    if (!range) return []
    return [
      {
        id: fact.id,
        kind: fact.kind,
        status: fact.status,
        text: plain.slice(range.from, range.to),
        start: range.from,
        end: range.to,
        speaker: fact.speaker?.name || null,
        sources: fact.sources,
        checkedAgainstRecording: fact.checkedAgainstRecording,
        canonicalName: fact.canonicalName,
        uri: fact.uri,
        note: fact.note,
        verifiedBy: fact.verifiedBy?.name ?? null,
        verifiedAt: fact.verifiedAt,
      },
    ]
  })
}

/** Drops keys whose value is undefined, '' or an empty array, so documents carry only what they have. */
function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(
    Object.entries(object).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  ) as T
}

/** One fact check as a ninjs association, in the standard's own fields (docs/publishing.md). */
function factAssociation(check: PublishedFactCheck, articleUri: string): Record<string, unknown> {
  const entityField = ENTITY_FIELDS[check.kind]
  return compact({
    name: check.id,
    uri: `${articleUri}#fact-${check.id}`,
    rel: 'factTag',
    type: 'component',
    profile: `galley-fact-tag/${check.kind}`,
    bodies: [{ role: 'taggedText', contentType: 'text/plain', value: check.text }],
    altIds: [
      { role: 'plainBodyStart', value: String(check.start) },
      { role: 'plainBodyEnd', value: String(check.end) },
    ],
    people: check.speaker ? [{ name: check.speaker, rel: 'speaker' }] : undefined,
    ...(entityField ? { [entityField]: [compact({ name: check.canonicalName || check.text, rel: 'mentions', uri: check.uri || undefined })] } : {}),
    subjects: [
      compact({
        name: check.status,
        rel: 'verificationStatus',
        uri: `${VERIFICATION_STATUS_VOCABULARY}${check.status}`,
        creator: check.verifiedBy ?? undefined,
      }),
    ],
    infoSources: check.sources.map((s) =>
      compact({
        name: s.title || s.url,
        role: 'source',
        uri: s.url || undefined,
        literal: [s.note, s.accessedAt ? `accessed ${s.accessedAt}` : ''].filter(Boolean).join('; ') || undefined,
      }),
    ),
    descriptions: check.note ? [{ role: 'note', value: check.note }] : undefined,
  })
}

/** The body's subheadings, in order. */
function subheadings(doc: Y.Doc): string[] {
  return getBody(doc)
    .toArray()
    .flatMap((node) => {
      const element = node as { nodeName?: string; toArray?: () => unknown[] }
      if (element.nodeName !== 'heading' || !element.toArray) return []
      const text = element
        .toArray()
        .map((child) => ((child as { toDelta?: () => Array<{ insert: unknown }> }).toDelta?.() ?? []).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join(''))
        .join('')
      return text.trim() ? [text] : []
    })
}

/**
 * Converts an article's state into a ninjs 3.1 document (docs/publishing.md). `ninjs`: validates
 * against IPTC's official schema as-is, fact checks carried in `associations`; `galley`: the same
 * plus `factChecks`, naming the Galley extension schema in `standard`.
 */
export function toNinjs(doc: Y.Doc, info: PublicationInfo, profile: NinjsProfile): Record<string, unknown> {
  const meta = readMeta(doc)
  const plain = bodyPlainText(doc)
  const checks = publishedFactChecks(doc, plain)
  const entities = (field: 'people' | 'organisations' | 'places') => {
    const seen = new Map<string, Record<string, unknown>>()
    for (const check of checks) {
      if (ENTITY_FIELDS[check.kind] !== field) continue
      const name = check.canonicalName || check.text
      if (!seen.has(name)) seen.set(name, compact({ name, rel: 'mentions', uri: check.uri || undefined }))
    }
    return [...seen.values()]
  }
  const associations = checks.map((check) => factAssociation(check, info.uri))
  if (meta.imageCredit) {
    associations.push({ name: 'mainImage', uri: `${info.uri}#image`, rel: 'image', type: 'picture', by: meta.imageCredit, copyrightHolder: meta.imageCredit })
  }
  return compact({
    uri: info.uri,
    type: 'text',
    version: String(info.version),
    firstCreated: info.firstCreated,
    versionCreated: info.versionCreated,
    pubStatus: 'usable',
    language: info.language,
    standard: { name: 'ninjs', version: '3.1', schema: profile === 'galley' ? GALLEY_SCHEMA_ID : NINJS_SCHEMA_ID },
    headlines: [
      ...(meta.headline ? [{ role: 'main', value: meta.headline }] : []),
      ...subheadings(doc).map((value) => ({ role: 'subheadline', value })),
    ],
    descriptions: meta.standfirst ? [{ role: 'summary', contentType: 'text/plain', value: meta.standfirst }] : undefined,
    by: meta.byline,
    located: meta.datelinePlace,
    slugline: meta.slug,
    bodies: [
      { role: 'main', contentType: 'text/plain', value: plain, charCount: plain.length, wordCount: countWords(plain) },
      { role: 'main', contentType: 'text/html', value: bodyHtml(doc) },
    ],
    people: entities('people'),
    organisations: entities('organisations'),
    places: entities('places'),
    subjects: meta.tags.map((name) => ({ name, rel: 'about' })),
    copyrightNotice: info.copyrightNotice,
    usageTerms: info.usageTerms,
    edNote: info.note,
    trustIndicators: info.trustIndicators.map((t) => ({ ...t })),
    associations,
    ...(profile === 'galley' ? { factChecks: checks } : {}),
  })
}

/** The bytes a publication is stored and served as: stable key order, so one version always serializes alike. */
export function serializeNinjs(document: Record<string, unknown>): string {
  return `${stringify(document, null, 2)}\n`
}
