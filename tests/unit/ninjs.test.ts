import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { FACT_MARK, getBody, getMetaTags, importPlainText, setMetaText, writeFactChange, writeImportedArticle, writeNewFact, type FactKind } from '../../shared/article/index.ts'
import { GALLEY_SCHEMA_ID, NINJS_SCHEMA_ID, bodyHtml, sanitizePublishedHtml, serializeNinjs, toNinjs, type PublicationInfo } from '../../shared/article/publish/index.ts'
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror'
import { articleSchema } from '../../shared/article/index.ts'
import { findQuoteInBody, markBodySpan } from '../../server/documents/bodyMarks.ts'
import { createNinjsValidator } from '../../server/publish/ninjsValidator.ts'
import { readSampleArticle } from '../../server/seed/sampleArticle.ts'

const validator = createNinjsValidator()
const checker = { id: 'u-checker', name: 'Farid Factchecker' }

const INFO: PublicationInfo = {
  uri: 'urn:galley:article:SAMPLE0000000001',
  version: 1,
  firstCreated: '2022-01-06T09:00:00.000Z',
  versionCreated: '2022-01-06T12:00:00.000Z',
  language: 'en',
  note: '',
  copyrightNotice: 'Copyright 2022 The Newsroom',
  usageTerms: 'For subscribers only',
  trustIndicators: [{ role: 'http://cv.iptc.org/newscodes/trustindicator/correctionspolicy', title: 'Corrections policy', href: 'https://news.example/corrections' }],
}

/** Tags the first occurrence of `text` in the body and returns the tag id. */
function tag(doc: Y.Doc, kind: FactKind, text: string, fields: Record<string, unknown> = {}): string {
  const id = `tag-${kind}-${text.replace(/\W+/g, '').slice(0, 20)}`
  doc.transact(() => {
    const range = findQuoteInBody(doc, text)
    if (!range) throw new Error(`"${text}" is not in the body`)
    const quote = markBodySpan(doc, range, FACT_MARK, { tagId: id })
    writeNewFact(doc, {
      id, kind, status: 'unverified', quote, sources: [], speaker: null, checkedAgainstRecording: false, canonicalName: '', uri: '', note: '',
      createdBy: checker, createdAt: '2022-01-06T10:00:00.000Z', verifiedText: null, verifiedBy: null, verifiedAt: null,
    })
    writeFactChange(doc, id, fields)
  })
  return id
}

function taggedSample(): { doc: Y.Doc; tags: Record<string, string> } {
  const doc = new Y.Doc()
  writeImportedArticle(doc, importPlainText(readSampleArticle()), null)
  setMetaText(doc, 'byline', 'By Matthew Lee')
  setMetaText(doc, 'datelinePlace', 'WASHINGTON')
  setMetaText(doc, 'headline', 'Blinken: Russia must de-escalate before talks')
  setMetaText(doc, 'standfirst', 'Blinken says the US and its allies are united.')
  setMetaText(doc, 'slug', 'us-russia-blinken')
  getMetaTags(doc)!.push(['diplomacy', 'Russia'])
  const tags = {
    blinken: tag(doc, 'person', 'Antony Blinken', { canonicalName: 'Antony Blinken', uri: 'http://www.wikidata.org/entity/Q7519' }),
    nato: tag(doc, 'organization', 'NATO'),
    geneva: tag(doc, 'place', 'Geneva', { uri: 'http://www.wikidata.org/entity/Q71' }),
    claim: tag(doc, 'claim', 'Russia has to de-escalate tensions on the border with Ukraine', {
      status: 'verified',
      sources: [{ url: 'https://www.defense.gov/briefing', title: 'Pentagon briefing', note: 'estimate', accessedAt: '2022-01-06' }],
      verifiedText: 'Russia has to de-escalate tensions on the border with Ukraine',
      verifiedBy: checker,
      verifiedAt: '2022-01-06T11:00:00.000Z',
      note: 'Matches US officials’ figure',
    }),
  }
  return { doc, tags }
}

describe('the ninjs converter (docs/publishing.md)', () => {
  it('turns the tagged sample into ninjs that validates against IPTC’s official 3.1 schema and against the Galley extension', () => {
    const { doc } = taggedSample()
    const strict = toNinjs(doc, INFO, 'ninjs')
    const galley = toNinjs(doc, INFO, 'galley')
    expect(validator.problems('ninjs', strict)).toEqual([])
    expect(validator.problems('galley', galley)).toEqual([])
    // The official schema refuses the extension field: the strict profile must not carry it.
    expect(strict).not.toHaveProperty('factChecks')
    expect(validator.problems('ninjs', galley).length).toBeGreaterThan(0)
    expect(strict).toMatchObject({
      uri: INFO.uri,
      type: 'text',
      version: '1',
      pubStatus: 'usable',
      language: 'en',
      standard: { name: 'ninjs', version: '3.1', schema: NINJS_SCHEMA_ID },
      by: 'By Matthew Lee',
      located: 'WASHINGTON',
      slugline: 'us-russia-blinken',
      descriptions: [{ role: 'summary', value: 'Blinken says the US and its allies are united.' }],
      subjects: [{ name: 'diplomacy' }, { name: 'Russia' }],
      copyrightNotice: 'Copyright 2022 The Newsroom',
      usageTerms: 'For subscribers only',
      trustIndicators: INFO.trustIndicators,
    })
    expect((galley.standard as { schema: string }).schema).toBe(GALLEY_SCHEMA_ID)
    expect((strict.headlines as Array<{ role: string }>)[0]).toEqual({ role: 'main', value: 'Blinken: Russia must de-escalate before talks' })
  })

  it('carries every fact check in associations, and the entities in people, organisations and places', () => {
    const { doc, tags } = taggedSample()
    const strict = toNinjs(doc, INFO, 'ninjs')
    const plain = (strict.bodies as Array<{ contentType: string; value: string }>).find((b) => b.contentType === 'text/plain')!.value
    const associations = (strict.associations as Array<Record<string, any>>).filter((a) => a.rel === 'factTag')
    expect(associations.map((a) => a.name).sort()).toEqual(Object.values(tags).sort())
    for (const association of associations) {
      const start = Number(association.altIds.find((x: { role: string }) => x.role === 'plainBodyStart').value)
      const end = Number(association.altIds.find((x: { role: string }) => x.role === 'plainBodyEnd').value)
      expect(plain.slice(start, end)).toBe(association.bodies[0].value)
      expect(association).toMatchObject({ type: 'component', uri: `${INFO.uri}#fact-${association.name}` })
    }
    const claim = associations.find((a) => a.name === tags.claim)!
    expect(claim).toMatchObject({
      profile: 'galley-fact-tag/claim',
      bodies: [{ value: 'Russia has to de-escalate tensions on the border with Ukraine' }],
      subjects: [{ name: 'verified', rel: 'verificationStatus', creator: 'Farid Factchecker' }],
      infoSources: [{ name: 'Pentagon briefing', uri: 'https://www.defense.gov/briefing', role: 'source' }],
      descriptions: [{ role: 'note', value: 'Matches US officials’ figure' }],
    })
    expect(strict.people).toEqual([{ name: 'Antony Blinken', rel: 'mentions', uri: 'http://www.wikidata.org/entity/Q7519' }])
    expect(strict.organisations).toEqual([{ name: 'NATO', rel: 'mentions' }])
    expect(strict.places).toEqual([{ name: 'Geneva', rel: 'mentions', uri: 'http://www.wikidata.org/entity/Q71' }])
    const galley = toNinjs(doc, INFO, 'galley')
    const checks = galley.factChecks as Array<{ id: string; text: string; start: number; end: number; status: string }>
    expect(checks).toHaveLength(4)
    for (const check of checks) expect(plain.slice(check.start, check.end)).toBe(check.text)
    // The HTML body keeps each tag's id.
    const html = (strict.bodies as Array<{ contentType: string; value: string }>).find((b) => b.contentType === 'text/html')!.value
    for (const id of Object.values(tags)) expect(html).toContain(`data-fact-id="${id}"`)
  })

  it('serializes deterministically: the same state gives the same bytes, whatever order things were written in', () => {
    const a = taggedSample().doc
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(serializeNinjs(toNinjs(b, INFO, 'galley'))).toBe(serializeNinjs(toNinjs(a, INFO, 'galley')))
    const text = serializeNinjs(toNinjs(a, INFO, 'ninjs'))
    const keys = Object.keys(JSON.parse(text) as object)
    expect(keys).toEqual([...keys].sort())
  })

  it('never lets script, event handlers or javascript: URLs through, from the body or the metadata', () => {
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '"><svg onload=alert(1)>',
      'javascript:alert(1)',
      '<a href="javascript:alert(1)">x</a>',
      '<iframe src="https://evil.example"></iframe>',
      '<style>body{display:none}</style>',
    ]
    const doc = new Y.Doc()
    writeImportedArticle(doc, importPlainText('Safe text.'), null)
    doc.transact(() => {
      const body = getBody(doc)
      body.delete(0, body.length)
      prosemirrorJSONToYXmlFragment(
        articleSchema,
        {
          type: 'doc',
          content: [
            ...payloads.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
            { type: 'paragraph', content: [{ type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'data', marks: [{ type: 'link', attrs: { href: 'data:text/html,<script>alert(1)</script>' } }] }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'ok', marks: [{ type: 'link', attrs: { href: 'https://news.example/a?b=1&c=<2>' } }] }] },
          ],
        },
        body,
      )
    })
    setMetaText(doc, 'headline', payloads[1]!)
    setMetaText(doc, 'byline', payloads[0]!)
    const html = bodyHtml(doc)
    // Only escaped text remains of the payloads: no element, no event-handler attribute, no script URL.
    expect(html).not.toMatch(/<(script|img|svg|iframe|style)\b|<[^>]*\son\w+=|<a\b[^>]*href="(javascript|data):/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('<a href="https://news.example/a?b=1&amp;c=%3C2%3E">ok</a>'.replace('%3C2%3E', '&lt;2&gt;'))
    // Metadata is plain text in JSON: it is carried as text, never interpreted as markup.
    const document = toNinjs(doc, INFO, 'ninjs')
    expect(document.by).toBe(payloads[0])
    expect(validator.problems('ninjs', document)).toEqual([])
    for (const payload of payloads) expect(sanitizePublishedHtml(payload)).not.toMatch(/<(script|img|svg|iframe|style)\b|<[^>]*\son\w+=|<a\b[^>]*href="(javascript|data):/i)
  })
})
