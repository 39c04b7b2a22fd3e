import * as Y from 'yjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  ensureArticleShape,
  getWorkflow,
  setMetaText,
  setMetaValue,
  writeNewFact,
  writeNewThread,
  writeStatusChange,
  writeThreadState,
  type StatusChange,
} from '../../shared/article/index.ts'
import { ApiError } from '../../client/src/api/index.ts'
import { moveLabel, statusMoves, whoMayMove } from '../../client/src/features/workflow/statusMoves.ts'
import { isStatusChange, latestVersion, publications } from '../../client/src/features/workflow/statusHistory.ts'
import { readWorkflow, watchWorkflow } from '../../client/src/features/workflow/workflowWatch.ts'
import { PublishChecklist } from '../../client/src/features/publish/publishChecklist.ts'
import { fetchVersionDiff, listVersions, publishArticle, publishedUrl } from '../../client/src/features/publish/publishApi.ts'
import { defaultComparison, describeDiff, summarizeDiff } from '../../client/src/features/publish/versionDiff.ts'
import { appendParagraph } from '../helpers/docBuilders.ts'

const EDDA = { id: 'u-edda', name: 'Edda Editor' }
const change = (over: Partial<StatusChange> = {}): StatusChange => ({ from: 'draft', to: 'in-review', by: EDDA, at: '2026-11-24T10:00:00.000Z', note: '', version: null, ...over })

/** An article with headline, byline and dateline, in `status`. */
function article(status: StatusChange['to'] = 'ready'): Y.Doc {
  const doc = new Y.Doc()
  ensureArticleShape(doc)
  setMetaText(doc, 'headline', 'Council approves budget')
  setMetaText(doc, 'byline', 'By Ada Reporter')
  setMetaText(doc, 'datelinePlace', 'WASHINGTON')
  setMetaValue(doc, 'datelineDate', '2026-11-24')
  appendParagraph(doc, 'The council approved a budget of $5 billion on Tuesday.')
  if (status !== 'draft') writeStatusChange(doc, change({ to: status }))
  return doc
}

function openThread(doc: Y.Doc, id: string): void {
  const at = '2026-11-24T10:00:00.000Z'
  writeNewThread(doc, { id, quote: 'on Tuesday', author: EDDA, createdAt: at }, { id: `${id}-m`, author: EDDA, body: 'Which Tuesday?', createdAt: at, editedAt: null, deletedAt: null })
}

/** A fact record whose tagged text is not in the body: an orphan, overridable. */
function orphanFact(doc: Y.Doc, id: string): void {
  writeNewFact(doc, {
    id,
    kind: 'claim',
    status: 'unverified',
    quote: 'a deleted claim',
    sources: [],
    speaker: null,
    checkedAgainstRecording: false,
    canonicalName: '',
    uri: '',
    note: '',
    createdBy: EDDA,
    createdAt: '2026-11-24T10:00:00.000Z',
    verifiedText: null,
    verifiedBy: null,
    verifiedAt: null,
  })
}

describe('status moves by role (client/src/features/workflow/statusMoves.ts)', () => {
  it('offers each role the moves the workflow gives it, with the words of its buttons', () => {
    expect(statusMoves('draft', 'editor')).toEqual([{ to: 'in-review', label: 'Send to review', allowed: true }])
    expect(statusMoves('in-review', 'owner').map((m) => [m.label, m.allowed])).toEqual([
      ['Back to draft', true],
      ['Send to fact-check', true],
    ])
    expect(statusMoves('fact-check', 'factchecker').map((m) => [m.to, m.allowed])).toEqual([
      ['in-review', true],
      ['ready', true],
    ])
    expect(statusMoves('in-review', 'factchecker').every((m) => !m.allowed)).toBe(true)
    expect(statusMoves('fact-check', 'reviewer').every((m) => !m.allowed)).toBe(true)
    expect(statusMoves('draft', null).every((m) => !m.allowed)).toBe(true)
    expect(statusMoves('published', 'editor')).toEqual([{ to: 'in-review', label: 'Reopen for review', allowed: true }])
    expect(moveLabel('ready', 'in-review')).toBe('Back to review')
    expect(moveLabel('fact-check', 'ready')).toBe('Mark ready to publish')
  })

  it('says who may make the moves a role may not', () => {
    expect(whoMayMove('fact-check', 'reviewer')).toBe('fact-checkers, owners and editors')
    expect(whoMayMove('in-review', 'factchecker')).toBe('owners and editors')
    expect(whoMayMove('draft', 'editor')).toBe('')
  })
})

describe('the workflow as the document holds it', () => {
  it('reads the status and the well-formed changes, and leaves out anything else', () => {
    const doc = new Y.Doc()
    expect(readWorkflow(doc)).toEqual({ status: 'draft', changes: [] })
    writeStatusChange(doc, change())
    const transitions = getWorkflow(doc).get('transitions') as Y.Array<unknown>
    transitions.push([{ from: 'draft', to: 'nowhere', by: EDDA, at: 'x', note: '', version: null }, 'junk', null, { ...change(), by: null }])
    writeStatusChange(doc, change({ from: 'ready', to: 'published', version: 1, note: 'First' }))
    const { status, changes } = readWorkflow(doc)
    expect(status).toBe('published')
    expect(changes.map((c) => c.to)).toEqual(['in-review', 'published'])
    expect(isStatusChange(change({ version: 0 }))).toBe(false)
    expect(isStatusChange(change({ version: 1.5 }))).toBe(false)
  })

  it('counts publications and the latest version', () => {
    const changes = [change(), change({ to: 'published', version: 1 }), change({ to: 'in-review' }), change({ to: 'corrected', version: 2 })]
    expect(publications(changes).map((c) => c.version)).toEqual([1, 2])
    expect(latestVersion(changes)).toBe(2)
    expect(latestVersion([change()])).toBe(0)
  })

  it('tells its watcher about every change to the workflow map, and stops when asked', () => {
    const doc = new Y.Doc()
    const seen: string[] = []
    const stop = watchWorkflow(doc, () => seen.push(readWorkflow(doc).status))
    // As the server's change arrives: one transaction each.
    doc.transact(() => writeStatusChange(doc, change()))
    doc.transact(() => writeStatusChange(doc, change({ from: 'in-review', to: 'fact-check' })))
    appendParagraph(doc, 'Not the workflow.')
    stop()
    doc.transact(() => writeStatusChange(doc, change({ from: 'fact-check', to: 'ready' })))
    expect(seen).toEqual(['in-review', 'fact-check'])
  })
})

describe('the live publishing checklist (client/src/features/publish/publishChecklist.ts)', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('passes for a complete, ready article and blocks on each missing piece', () => {
    const doc = article('ready')
    const checklist = new PublishChecklist(doc, 0)
    expect(checklist.snapshot).toMatchObject({ passes: true, blocking: 0, overrides: {} })
    expect(checklist.snapshot.items.map((i) => i.id)).toEqual(['headline', 'byline', 'dateline', 'status', 'threads', 'facts', 'orphans'])
    setMetaText(doc, 'byline', '')
    const after = checklist.refresh()
    expect(after.passes).toBe(false)
    expect(after.blocking).toBe(1)
    expect(after.items.find((i) => i.id === 'byline')).toMatchObject({ ok: false, overridable: false })
    expect(() => checklist.setOverride('byline', 'no byline today')).toThrow(RangeError)
    checklist.destroy()
  })

  it('follows the document live, at most once per delay while it changes', () => {
    vi.useFakeTimers()
    const doc = article('in-review')
    const checklist = new PublishChecklist(doc, 100)
    const seen: boolean[] = []
    checklist.on('change', (s: { passes: boolean }) => seen.push(s.passes))
    expect(checklist.snapshot.items.find((i) => i.id === 'status')?.ok).toBe(false)
    writeStatusChange(doc, change({ from: 'in-review', to: 'fact-check' }))
    writeStatusChange(doc, change({ from: 'fact-check', to: 'ready' }))
    expect(seen).toEqual([])
    vi.advanceTimersByTime(100)
    expect(seen).toEqual([true])
    // A change that leaves the checklist as it was emits nothing.
    appendParagraph(doc, 'More words.')
    vi.advanceTimersByTime(100)
    expect(seen).toEqual([true])
    checklist.destroy()
    writeStatusChange(doc, change({ from: 'ready', to: 'draft' }))
    vi.advanceTimersByTime(100)
    expect(seen).toEqual([true])
  })

  it('lets open threads and orphaned tags be overridden one by one with a reason, and drops an override whose item is gone', () => {
    const doc = article('ready')
    openThread(doc, 't1')
    orphanFact(doc, 'f1')
    const checklist = new PublishChecklist(doc, 0)
    let snap = checklist.refresh()
    expect(snap.passes).toBe(false)
    expect(snap.items.filter((i) => !i.ok).map((i) => [i.id, i.overridable])).toEqual([
      ['threads', false],
      ['thread:t1', true],
      ['orphans', false],
      ['orphan:f1', true],
    ])
    expect(snap.blocking).toBe(2)
    expect(() => checklist.setOverride('thread:t1', '   ')).toThrow(RangeError)
    expect(() => checklist.setOverride('thread:t1', 'x'.repeat(501))).toThrow(RangeError)
    expect(() => checklist.setOverride('thread:nope', 'reason')).toThrow(RangeError)
    checklist.setOverride('thread:t1', '  Answered by phone  ')
    snap = checklist.snapshot
    expect(snap.items.find((i) => i.id === 'thread:t1')?.overriddenBecause).toBe('Answered by phone')
    expect(snap.items.find((i) => i.id === 'threads')?.ok).toBe(true)
    expect(snap.passes).toBe(false)
    checklist.setOverride('orphan:f1', 'Tag left over from a cut paragraph')
    expect(checklist.snapshot).toMatchObject({ passes: true, blocking: 0, overrides: { 'thread:t1': 'Answered by phone', 'orphan:f1': 'Tag left over from a cut paragraph' } })
    // The thread is resolved: its override goes, and does not come back if it reopens.
    writeThreadState(doc, 't1', 'resolved', EDDA, '2026-11-24T11:00:00.000Z')
    expect(checklist.refresh().overrides).toEqual({ 'orphan:f1': 'Tag left over from a cut paragraph' })
    writeThreadState(doc, 't1', 'open', EDDA, '2026-11-24T12:00:00.000Z')
    expect(checklist.refresh().passes).toBe(false)
    checklist.clearOverride('orphan:f1')
    expect(checklist.snapshot.overrides).toEqual({})
    checklist.setOverride('orphan:f1', 'again')
    checklist.clearOverrides()
    expect(checklist.snapshot.overrides).toEqual({})
    checklist.destroy()
  })
})

describe('the publishing API client (client/src/features/publish/publishApi.ts)', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  /** Stubs fetch with one answer and records the requests. */
  function answer(status: number, body: unknown): Array<{ url: string; init: RequestInit }> {
    const requests: Array<{ url: string; init: RequestInit }> = []
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      requests.push({ url, init })
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
    })
    return requests
  }

  it('publishes with the note and overrides, and resolves the version', async () => {
    const requests = answer(201, { version: 3 })
    expect(await publishArticle('a1', { note: ' Corrects the day. ', overrides: { 'thread:t1': 'Answered' } })).toEqual({ published: true, version: 3 })
    expect(requests[0]!.url).toBe('/api/articles/a1/publish')
    expect(JSON.parse(requests[0]!.init.body as string)).toEqual({ note: 'Corrects the day.', overrides: { 'thread:t1': 'Answered' } })
    const empty = answer(201, { version: 1 })
    await publishArticle('a1')
    expect(JSON.parse(empty[0]!.init.body as string)).toEqual({})
  })

  it('resolves a refused gate with the server’s list, keeping only well-formed items', async () => {
    const gate = [
      { id: 'headline', label: 'Headline present', ok: true, overridable: false },
      { id: 'thread:t1', label: 'Open thread on “x”', ok: false, overridable: true },
      { id: 42, label: 'bad' },
    ]
    answer(409, { error: { code: 'gate', message: 'the article cannot be published yet: see gate' }, gate })
    expect(await publishArticle('a1')).toEqual({ published: false, message: 'the article cannot be published yet: see gate', gate: gate.slice(0, 2) })
  })

  it('throws other refusals as ApiError with the server’s code', async () => {
    answer(403, { error: { code: 'forbidden', message: 'a reviewer may not publish' } })
    const err = await publishArticle('a1').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ code: 'forbidden', status: 403 })
  })

  it('lists versions and diffs, and builds the addresses of published documents', async () => {
    answer(200, [{ articleId: 'a1', version: 1, publishedAt: '2026-11-24T10:00:00.000Z', publishedBy: 'Edda', note: '' }, { version: 'two' }])
    expect((await listVersions('a1')).map((v) => v.version)).toEqual([1])
    const requests = answer(200, [{ value: 'The ', added: false, removed: false }, { value: 'vote', added: true, removed: false }])
    expect(await fetchVersionDiff('a1', 1, 2)).toHaveLength(2)
    expect(requests[0]!.url).toBe('/api/articles/a1/versions/diff?from=1&to=2')
    expect(publishedUrl('a1', 2, 'ninjs')).toBe('/api/articles/a1/published/2?profile=ninjs')
    expect(publishedUrl('a1', 2, 'galley', true)).toBe('/api/articles/a1/published/2?profile=galley&download=1')
  })
})

describe('version diffs in words', () => {
  it('counts words added and removed, and picks the latest two versions to compare', () => {
    const parts = [
      { value: 'The vote was on ', added: false, removed: false },
      { value: 'Tuesday', added: false, removed: true },
      { value: 'Monday, after a long debate', added: true, removed: false },
      { value: '.', added: false, removed: false },
    ]
    expect(summarizeDiff(parts)).toEqual({ added: 5, removed: 1 })
    expect(describeDiff({ added: 5, removed: 1 })).toBe('5 words added, 1 removed.')
    expect(describeDiff({ added: 1, removed: 0 })).toBe('1 word added.')
    expect(describeDiff({ added: 0, removed: 2 })).toBe('2 words removed.')
    expect(describeDiff({ added: 0, removed: 0 })).toBe('No changes to the text.')
    expect(defaultComparison([1, 2, 3])).toEqual({ from: 2, to: 3 })
    expect(defaultComparison([1])).toBeNull()
  })
})
