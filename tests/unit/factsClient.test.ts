import type { Node as PmNode } from '@tiptap/pm/model'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import { Transform } from '@tiptap/pm/transform'
import * as Y from 'yjs'
import {
  absolutePositionToRelativePosition,
  initProseMirrorDoc,
  prosemirrorToYXmlFragment,
  relativePositionToAbsolutePosition,
  updateYFragment,
} from 'y-prosemirror'
import { describe, expect, it, vi } from 'vitest'
import {
  COMMENT_MARK,
  FACT_MARK,
  articleSchema,
  bodyPlainText,
  getBody,
  getDismissed,
  importPlainText,
  readFacts,
  writeFactChange,
  writeImportedArticle,
  writeNewFact,
  type FactKind,
  type FactStatus,
} from '../../shared/article/index.ts'
import { suggestFacts } from '../../shared/article/suggestions/index.ts'
import type { Command } from '../../shared/protocol/index.ts'
import { readSampleArticle } from '../../server/seed/sampleArticle.ts'
import { dismissedKey } from '../../server/commands/factCommands.ts'
import { markBodySpan } from '../../server/documents/bodyMarks.ts'
import type { CommandAnswer } from '../../client/src/collab/index.ts'
import { KEPT_MARKS, hasFormatting, removeFormatting } from '../../client/src/editor/clearFormatting.ts'
import { plainTextIndex, tagIdAtSelection, tagPiecesOf, type DocRange, type RelativeRange } from '../../client/src/editor/facts/index.ts'
import {
  FactsController,
  FactsStore,
  NO_FILTER,
  factProgress,
  filterFacts,
  groupFacts,
  isFactSuggestion,
  lastFactChange,
  matchSuggestions,
  placeSuggestions,
  readFactEntries,
  sourceFromDraft,
  suggestionKey,
  type FactSuggestion,
} from '../../client/src/features/facts/index.ts'

const schema = articleSchema
const text = (value: string, marks: Parameters<typeof schema.text>[1] = []) => schema.text(value, marks)
const p = (...content: PmNode[]) => schema.node('paragraph', null, content)
const h = (level: number, value: string) => schema.node('heading', { level }, [text(value)])
const li = (...blocks: PmNode[]) => schema.node('listItem', null, blocks)
const doc = (...blocks: PmNode[]) => schema.node('doc', null, blocks)

/** A Y.Doc whose body is `pmDoc`, as y-prosemirror stores it. */
function yDocOf(pmDoc: PmNode): Y.Doc {
  const ydoc = new Y.Doc()
  prosemirrorToYXmlFragment(pmDoc, getBody(ydoc))
  return ydoc
}

/** The body of a Y.Doc read back as the editor would, with y-prosemirror's mapping for relative positions. */
function editorView(ydoc: Y.Doc) {
  const fragment = getBody(ydoc)
  const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, articleSchema)
  return {
    pmDoc,
    anchor: (range: DocRange): RelativeRange => ({
      start: absolutePositionToRelativePosition(range.from, fragment, mapping as never) as Y.RelativePosition,
      end: absolutePositionToRelativePosition(range.to, fragment, mapping as never) as Y.RelativePosition,
    }),
    place: (range: RelativeRange): DocRange | null => {
      const from = relativePositionToAbsolutePosition(ydoc, fragment, range.start, mapping as never)
      const to = relativePositionToAbsolutePosition(ydoc, fragment, range.end, mapping as never)
      return from === null || to === null || from >= to ? null : { from, to }
    },
  }
}

/** Where `words` start in the document (within one block of text). */
function positionOf(pmDoc: PmNode, words: string): number {
  let from = -1
  pmDoc.descendants((node, pos) => {
    if (from !== -1 || !node.isTextblock) return from === -1
    if (node.textContent.includes(words)) from = pos + 1 + node.textContent.indexOf(words)
    return false
  })
  if (from === -1) throw new Error(`no "${words}"`)
  return from
}

/** Adds a fact record and its mark over the first `words` in the body, as the server's fact.create does. */
function tag(ydoc: Y.Doc, id: string, kind: FactKind, words: string, extra: { status?: FactStatus; createdAt?: string; name?: string } = {}): void {
  const from = positionOf(initProseMirrorDoc(getBody(ydoc), articleSchema).doc, words)
  ydoc.transact(() => {
    const quote = markBodySpan(ydoc, { from, to: from + words.length }, FACT_MARK, { tagId: id })
    writeNewFact(ydoc, {
      id,
      kind,
      status: extra.status ?? 'unverified',
      quote,
      sources: [],
      speaker: null,
      checkedAgainstRecording: false,
      canonicalName: '',
      uri: '',
      note: '',
      createdBy: { id: 'u1', name: extra.name ?? 'Edda Editor' },
      createdAt: extra.createdAt ?? '2026-01-01T10:00:00.000Z',
      verifiedText: null,
      verifiedBy: null,
      verifiedAt: null,
    })
  })
}

/** Every mark name on the text between `from` and `to`. */
function markNames(pmDoc: PmNode, from: number, to: number): Set<string> {
  const names = new Set<string>()
  pmDoc.nodesBetween(from, to, (node) => {
    for (const mark of node.marks) names.add(mark.type.name)
  })
  return names
}

describe('plain-text offsets to editor positions (editor/facts/plainTextPositions.ts)', () => {
  const varied = doc(
    h(2, 'Talks in Kyiv'),
    p(text('Blinken said '), text('the aid', [schema.marks.bold!.create()]), text(' would flow.')),
    p(),
    schema.node('bulletList', null, [li(p(text('First point'))), li(p(text('Second'), schema.node('hardBreak'), text('line')))]),
    schema.node('blockquote', null, [p(text('“We stand with Ukraine,” he said.'))]),
    schema.node('horizontalRule'),
    p(text('Last words.')),
  )

  it('reads the same plain text as bodyPlainText (blocks joined by a blank line, a hard break as a line break)', () => {
    const index = plainTextIndex(varied)
    expect(index.text).toBe(bodyPlainText(yDocOf(varied)))
  })

  it('maps every word of the plain text onto the same characters of the document', () => {
    const index = plainTextIndex(varied)
    for (const match of index.text.matchAll(/[\p{L}“”,.]+/gu)) {
      const range = index.rangeOf(match.index, match.index + match[0].length)
      expect(range, match[0]).not.toBeNull()
      expect(varied.textBetween(range!.from, range!.to, '\n')).toBe(match[0])
    }
  })

  it('maps a range across blocks and across a hard break; refuses empty and outside ranges', () => {
    const index = plainTextIndex(varied)
    const from = index.text.indexOf('would flow.')
    const to = index.text.indexOf('First point') + 'First'.length
    const range = index.rangeOf(from, to)!
    // The empty paragraph between them is a block of its own.
    expect(index.text.slice(from, to)).toBe('would flow.\n\n\n\nFirst')
    expect(varied.textBetween(range.from, range.to, '\n\n')).toBe('would flow.\n\n\n\nFirst')
    const broken = index.text.indexOf('Second\nline')
    const across = index.rangeOf(broken, broken + 'Second\nline'.length)!
    expect(varied.textBetween(across.from, across.to, '\n', '\n')).toBe('Second\nline')
    expect(index.rangeOf(3, 3)).toBeNull()
    expect(index.rangeOf(-1, 2)).toBeNull()
    expect(index.rangeOf(0, index.text.length + 1)).toBeNull()
  })

  it('places every suggestion the server finds in the sample story on exactly its words', () => {
    const ydoc = new Y.Doc()
    writeImportedArticle(ydoc, importPlainText(readSampleArticle()), null)
    const plain = bodyPlainText(ydoc)
    const { pmDoc, anchor } = editorView(ydoc)
    const index = plainTextIndex(pmDoc)
    expect(index.text).toBe(plain)
    const suggestions = suggestFacts(plain, {})
    expect(suggestions.length).toBeGreaterThan(20)
    const { items, unmatched } = matchSuggestions(suggestions, index, anchor)
    expect(unmatched).toBe(0)
    expect(items).toHaveLength(new Set(suggestions.map((s) => `${s.kind}:${s.from}:${s.to}:${s.text}`)).size)
    for (const item of items) {
      const range = index.rangeOf(item.suggestion.from, item.suggestion.to)!
      expect(pmDoc.textBetween(range.from, range.to, '\n')).toBe(item.suggestion.text)
    }
  })
})

describe('suggestions in the editor (features/facts/suggestionItems.ts)', () => {
  const story = doc(p(text('Mayor Ana Ruiz said the city will hire 300 teachers.')), p(text('Ruiz spoke in Lisbon on Tuesday.')))
  const plain = 'Mayor Ana Ruiz said the city will hire 300 teachers.\n\nRuiz spoke in Lisbon on Tuesday.'
  const at = (kind: FactKind, words: string, extra: Partial<FactSuggestion> = {}): FactSuggestion => {
    const from = plain.indexOf(words)
    return { kind, text: words, from, to: from + words.length, ...extra }
  }

  it('anchors suggestions so they follow a colleague’s typing; words that moved before anchoring are counted, not misplaced', () => {
    const ydoc = yDocOf(story)
    const before = editorView(ydoc)
    const stale = { ...at('place', 'Lisbon'), from: 2, to: 8 }
    const { items, unmatched } = matchSuggestions([at('person', 'Ana Ruiz'), at('place', 'Lisbon'), stale], plainTextIndex(before.pmDoc), before.anchor)
    expect(unmatched).toBe(1)
    expect(items.map((i) => i.suggestion.text)).toEqual(['Ana Ruiz', 'Lisbon'])
    // Someone types at the start of the story.
    ;((getBody(ydoc).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'BREAKING: ')
    const after = editorView(ydoc)
    const placed = placeSuggestions(items, after.place, new Set(), [])
    expect(placed.map((s) => after.pmDoc.textBetween(s.from, s.to))).toEqual(['Ana Ruiz', 'Lisbon'])
  })

  it('hides dismissed suggestions (by kind and text, anywhere) and ones a tag of the same kind covers', () => {
    const ydoc = yDocOf(story)
    const view = editorView(ydoc)
    const { items } = matchSuggestions([at('person', 'Ana Ruiz'), at('place', 'Lisbon'), at('date', 'Tuesday')], plainTextIndex(view.pmDoc), view.anchor)
    const lisbon = placeSuggestions(items, view.place, new Set(), []).find((s) => s.item.suggestion.text === 'Lisbon')!
    const shown = (dismissed: Set<string>, tagged: Parameters<typeof placeSuggestions>[3]) =>
      placeSuggestions(items, view.place, dismissed, tagged).map((s) => s.item.suggestion.text)
    expect(shown(new Set([suggestionKey('date', '  Tuesday ')]), [])).toEqual(['Ana Ruiz', 'Lisbon'])
    expect(shown(new Set(), [{ kind: 'place', from: lisbon.from, to: lisbon.to }])).toEqual(['Ana Ruiz', 'Tuesday'])
    expect(shown(new Set(), [{ kind: 'organization', from: lisbon.from, to: lisbon.to }])).toEqual(['Ana Ruiz', 'Lisbon', 'Tuesday'])
  })

  it('keys dismissals exactly as the server does, and accepts only well-formed suggestions', () => {
    for (const [kind, words] of [['person', 'Ana  Ruiz '], ['date', '\tTuesday']] as const) expect(suggestionKey(kind, words)).toBe(dismissedKey(kind, words))
    expect(isFactSuggestion({ kind: 'quote', text: 'x', from: 0, to: 1, speaker: 'Ana Ruiz' })).toBe(true)
    for (const bad of [null, { kind: 'rumour', text: 'x', from: 0, to: 1 }, { kind: 'date', text: '', from: 0, to: 1 }, { kind: 'date', text: 'x', from: 2, to: 1 }, { kind: 'date', text: 'x', from: 0, to: 1, date: 5 }]) {
      expect(isFactSuggestion(bad)).toBe(false)
    }
  })
})

describe('the facts panel’s figures (features/facts/factEntries.ts, factGrouping.ts)', () => {
  function newsroom(): Y.Doc {
    const ydoc = yDocOf(doc(p(text('Mayor Ana Ruiz said the city will hire 300 teachers in March.')), p(text('Ruiz spoke in Lisbon on Tuesday.'))))
    tag(ydoc, 'claim-teachers', 'claim', 'the city will hire 300 teachers in March', { createdAt: '2026-01-01T10:00:00.000Z' })
    tag(ydoc, 'person-ruiz', 'person', 'Ana Ruiz', { createdAt: '2026-01-01T10:01:00.000Z' })
    tag(ydoc, 'number-300', 'number', '300 teachers', { createdAt: '2026-01-01T10:02:00.000Z' })
    tag(ydoc, 'place-lisbon', 'place', 'Lisbon', { createdAt: '2026-01-01T10:03:00.000Z' })
    tag(ydoc, 'quote-spoke', 'quote', 'Ruiz spoke', { createdAt: '2026-01-01T10:04:00.000Z' })
    return ydoc
  }

  it('reads the records in creation order, all of them or only those with one status', () => {
    const ydoc = newsroom()
    writeFactChange(ydoc, 'number-300', { status: 'verified' })
    writeFactChange(ydoc, 'claim-teachers', { status: 'verified' })
    expect(readFacts(ydoc).map((f) => f.id)).toEqual(['claim-teachers', 'person-ruiz', 'number-300', 'place-lisbon', 'quote-spoke'])
    expect(readFacts(ydoc, 'verified').map((f) => f.id)).toEqual(['claim-teachers', 'number-300'])
    expect(readFacts(ydoc, 'disputed')).toEqual([])
  })

  it('lists every tag in reading order with its current words; a tag whose words were deleted is an orphan, last, with its quote', () => {
    const ydoc = newsroom()
    // Delete "in Lisbon " as an editor would.
    const { doc: pmDoc, meta } = initProseMirrorDoc(getBody(ydoc), articleSchema)
    const from = positionOf(pmDoc, 'in Lisbon')
    const tr = new Transform(pmDoc).delete(from, from + 'in Lisbon '.length)
    ydoc.transact(() => updateYFragment(ydoc, getBody(ydoc), tr.doc, meta))
    const entries = readFactEntries(ydoc)
    expect(entries.map((e) => [e.record.id, e.text, e.orphaned])).toEqual([
      ['person-ruiz', 'Ana Ruiz', false],
      ['claim-teachers', 'the city will hire 300 teachers in March', false],
      ['number-300', '300 teachers', false],
      ['quote-spoke', 'Ruiz spoke', false],
      ['place-lisbon', null, true],
    ])
    const { groups, orphans } = groupFacts(entries, 'kind')
    expect(groups.map((g) => [g.key, g.entries.length])).toEqual([['claim', 1], ['quote', 1], ['person', 1], ['number', 1]])
    expect(orphans.map((o) => [o.record.id, o.record.quote])).toEqual([['place-lisbon', 'Lisbon']])
  })

  it('groups by status with counts, filters by kind, status and accent-blind search, and figures progress over claims and quotes in the text', () => {
    const ydoc = newsroom()
    const verify = (id: string, at: string, by: { id: string; name: string } | null = { id: 'c1', name: 'Fay Checker' }) =>
      writeFactChange(ydoc, id, { status: by ? 'verified' : 'needs-recheck' }, { by, at, from: by ? 'unverified' : 'verified', to: by ? 'verified' : 'needs-recheck', text: '' })
    verify('claim-teachers', '2026-01-02T09:00:00.000Z')
    verify('number-300', '2026-01-02T09:30:00.000Z')
    writeFactChange(ydoc, 'person-ruiz', { canonicalName: 'Ána Ruiz García' })
    const entries = readFactEntries(ydoc)
    expect(groupFacts(entries, 'status').groups.map((g) => [g.key, g.entries.length])).toEqual([['unverified', 3], ['verified', 2]])
    expect(factProgress(entries)).toEqual({ verified: 1, total: 2 })
    expect(filterFacts(entries, { ...NO_FILTER, search: 'ana garcia' }).map((e) => e.record.id)).toEqual(['person-ruiz'])
    expect(filterFacts(entries, { ...NO_FILTER, search: 'TEACHERS march' }).map((e) => e.record.id)).toEqual(['claim-teachers'])
    expect(filterFacts(entries, { kind: 'number', status: 'verified', search: '' }).map((e) => e.record.id)).toEqual(['number-300'])
    expect(filterFacts(entries, { kind: 'claim', status: 'unverified', search: '' })).toEqual([])
    expect(lastFactChange(entries)).toMatchObject({ tagId: 'number-300', by: { name: 'Fay Checker' }, change: { type: 'status', to: 'verified' } })
    // Galley's own re-check is a change too, by nobody.
    verify('claim-teachers', '2026-01-03T08:00:00.000Z', null)
    expect(lastFactChange(readFactEntries(ydoc))).toMatchObject({ tagId: 'claim-teachers', by: null, change: { type: 'status', to: 'needs-recheck' } })
    expect(factProgress(readFactEntries(ydoc))).toEqual({ verified: 0, total: 2 })
  })

  it('FactsStore: a record change makes a new snapshot at once; typing, once it pauses', async () => {
    vi.useFakeTimers()
    try {
      const ydoc = newsroom()
      const store = new FactsStore(ydoc)
      const changes = vi.fn()
      store.on('change', changes)
      store.start()
      const started = changes.mock.calls.length
      writeFactChange(ydoc, 'place-lisbon', { note: 'checked on a map' })
      expect(changes.mock.calls.length).toBe(started + 1)
      expect(store.snapshot.byId.get('place-lisbon')!.record.note).toBe('checked on a map')
      getDismissed(ydoc).set('date:Tuesday', { kind: 'date', text: 'Tuesday' })
      expect(store.snapshot.dismissed.has('date:Tuesday')).toBe(true)
      const xmlText = (getBody(ydoc).get(1) as Y.XmlElement).get(0) as Y.XmlText
      xmlText.insert(0, 'Later, ')
      xmlText.insert(0, 'Much ')
      expect(changes.mock.calls.length).toBe(started + 2)
      vi.advanceTimersByTime(200)
      expect(changes.mock.calls.length).toBe(started + 3)
      store.stop()
      writeFactChange(ydoc, 'place-lisbon', { note: 'no longer followed' })
      expect(store.snapshot.byId.get('place-lisbon')!.record.note).toBe('checked on a map')
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('tags in the editor (editor/facts)', () => {
  it('draws the longer of two overlapping tags outermost and finds the innermost tag at the caret', () => {
    const ydoc = yDocOf(doc(p(text('the city will hire 300 teachers in March'))))
    tag(ydoc, 'claim', 'claim', 'the city will hire 300 teachers in March')
    tag(ydoc, 'number', 'number', '300 teachers')
    const { doc: pmDoc } = initProseMirrorDoc(getBody(ydoc), articleSchema)
    const pieces = tagPiecesOf(pmDoc)
    expect(pieces.get('number')!.map((p) => p.depth)).toEqual([1])
    expect(new Set(pieces.get('claim')!.map((p) => p.depth))).toEqual(new Set([0]))
    const inNumber = pieces.get('number')![0]!.from + 2
    const state = EditorState.create({ doc: pmDoc, selection: TextSelection.create(pmDoc, inNumber) })
    expect(tagIdAtSelection(state)).toBe('number')
    expect(tagIdAtSelection(EditorState.create({ doc: pmDoc, selection: TextSelection.create(pmDoc, 3) }))).toBe('claim')
  })

  it('clear formatting removes bold and italic but keeps fact tags, comment anchors and links', () => {
    const marks = [
      schema.marks.bold!.create(),
      schema.marks.italic!.create(),
      schema.marks[FACT_MARK]!.create({ tagId: 'fact-1' }),
      schema.marks[COMMENT_MARK]!.create({ threadId: 'thread-1' }),
      schema.marks.link!.create({ href: 'https://example.com' }),
    ]
    const pmDoc = doc(p(text('checked words', marks)))
    const state = EditorState.create({ doc: pmDoc, selection: TextSelection.create(pmDoc, 1, pmDoc.content.size - 1) })
    expect(hasFormatting(state)).toBe(true)
    const after = removeFormatting(state.tr).doc
    expect(markNames(after, 1, after.content.size - 1)).toEqual(new Set([FACT_MARK, COMMENT_MARK, 'link']))
    expect(KEPT_MARKS.has('bold')).toBe(false)
    expect(hasFormatting(EditorState.create({ doc: after, selection: TextSelection.create(after, 1, after.content.size - 1) }))).toBe(false)
  })
})

describe('source entries (features/facts/sourceDraft.ts)', () => {
  it('accepts http(s) addresses (a bare host gets https://) or a title alone; refuses other schemes and empty sources', () => {
    expect(sourceFromDraft({ url: 'city.example/budget', title: '', note: '', accessedAt: '2026-11-20' })).toEqual({
      source: { url: 'https://city.example/budget', title: '', note: '', accessedAt: '2026-11-20' },
    })
    expect(sourceFromDraft({ url: '', title: 'Phone call with the mayor’s office', note: ' 10:30 ', accessedAt: '' })).toEqual({
      source: { url: '', title: 'Phone call with the mayor’s office', note: '10:30', accessedAt: '' },
    })
    for (const url of ['javascript:alert(1)', 'ftp://files.example/x', 'data:text/html,x', 'not a url']) {
      expect(sourceFromDraft({ url, title: 't', note: '', accessedAt: '' })).toHaveProperty('problem')
    }
    expect(sourceFromDraft({ url: '', title: '  ', note: 'n', accessedAt: '' })).toHaveProperty('problem')
  })
})

describe('FactsController commands (features/facts/factsController.ts)', () => {
  function controllerWith(answer: CommandAnswer) {
    const sent: Command[] = []
    const controller = new FactsController({
      articleId: 'article-1',
      doc: new Y.Doc(),
      commands: { command: async (_id, command) => (sent.push(command), answer) },
      fetchSuggestions: async () => [],
    })
    const anchor = { start: new Uint8Array([1]), end: new Uint8Array([2]) }
    return { controller, sent, request: { from: 1, to: 5, text: 'city', anchor } }
  }

  it('tags the menu’s span with fact.create and closes the menu; only for a role that may tag', async () => {
    const { controller, sent, request } = controllerWith({ ok: true, tagId: 'new-tag-1' })
    controller.requestTag(request)
    expect(controller.state.menu).toBeNull()
    controller.setPermissions({ canTag: true, canCheck: true })
    controller.requestTag(request)
    await controller.tagAs('claim')
    expect(sent).toEqual([{ type: 'fact.create', kind: 'claim', anchor: request.anchor }])
    expect(controller.state.menu).toBeNull()
    expect(controller.state.announcement).toBe('Tagged “city” as a claim.')
  })

  it('keeps the menu open with the server’s words when it refuses', async () => {
    const { controller, request } = controllerWith({ error: { code: 'bad-request', message: 'the anchor covers no text' } })
    controller.setPermissions({ canTag: true, canCheck: false })
    controller.requestTag(request)
    await controller.tagAs('organization')
    expect(controller.state.menu).toBe(request)
    expect(controller.state.tagging).toEqual({ pending: false, error: 'the anchor covers no text' })
  })
})
