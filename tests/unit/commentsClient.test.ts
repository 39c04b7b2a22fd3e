import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { absolutePositionToRelativePosition, initProseMirrorDoc } from 'y-prosemirror'
import { COMMENT_MARK, articleSchema, getBody, readThread } from '../../shared/article/index.ts'
import type { Role } from '../../shared/auth/index.ts'
import { ErrorCode, GalleyError, type Command, type CommandResult, type Response } from '../../shared/protocol/index.ts'
import { planThreadCommand, type ThreadCommand } from '../../server/commands/threadCommands.ts'
import type { ArticleCommands } from '../../client/src/collab/index.ts'
import { commentAnchorsOf, threadAt } from '../../client/src/editor/comments/commentAnchors.ts'
import { isCommentShortcut } from '../../client/src/editor/comments/commentShortcut.ts'
import { layoutMargin, type MarginItem } from '../../client/src/features/comments/marginLayout.ts'
import { completeMention, matchingNames, mentionQueryAt, mentionSegments, mentionedNames } from '../../client/src/features/comments/mentions.ts'
import { newRecordId } from '../../client/src/features/comments/recordId.ts'
import { arrangeThreads } from '../../client/src/features/comments/threadFilter.ts'
import { canChangeMessage, canComment, canResolve } from '../../client/src/features/comments/threadRules.ts'
import { ThreadsModel, type ThreadsSnapshot } from '../../client/src/features/comments/threadsModel.ts'
import { appendParagraph } from '../helpers/docBuilders.ts'
import { editAsEditor, positionOf } from '../helpers/editorEdits.ts'

/** Every pair of cards that overlap (or come closer than `gap`) in a layout. */
function overlaps(items: readonly MarginItem[], tops: ReadonlyMap<string, number>, gap: number): string[] {
  const placed = items.map((item) => ({ id: item.id, top: tops.get(item.id)!, bottom: tops.get(item.id)! + item.height })).sort((a, b) => a.top - b.top)
  return placed.slice(1).flatMap((card, i) => (card.top < placed[i]!.bottom + gap - 1e-9 ? [`${placed[i]!.id}/${card.id}`] : []))
}

describe('margin layout (comment cards beside their text)', () => {
  it('keeps cards level with their anchors when there is room', () => {
    const items = [
      { id: 'a', top: 0, height: 50 },
      { id: 'b', top: 100, height: 50 },
      { id: 'c', top: 300, height: 80 },
    ]
    const { tops, height } = layoutMargin(items, { gap: 10 })
    expect([...tops]).toEqual([
      ['a', 0],
      ['b', 100],
      ['c', 300],
    ])
    expect(height).toBe(380)
  })

  it('pushes overlapping cards down, in anchor order (ties keep the order given)', () => {
    const items = [
      { id: 'late', top: 40, height: 30 },
      { id: 'first', top: 0, height: 60 },
      { id: 'tie', top: 40, height: 30 },
    ]
    const { tops } = layoutMargin(items, { gap: 10 })
    expect(tops.get('first')).toBe(0)
    expect(tops.get('late')).toBe(70)
    expect(tops.get('tie')).toBe(110)
    expect(overlaps(items, tops, 10)).toEqual([])
  })

  it('keeps the active card at its anchor; the ones before it move up, the ones after it down', () => {
    const items = [
      { id: 'a', top: 100, height: 60 },
      { id: 'b', top: 120, height: 60 },
      { id: 'c', top: 130, height: 60 },
    ]
    const { tops } = layoutMargin(items, { gap: 10, activeId: 'b' })
    expect(tops.get('b')).toBe(120)
    expect(tops.get('a')).toBe(50)
    expect(tops.get('c')).toBe(190)
    expect(overlaps(items, tops, 10)).toEqual([])
  })

  it('moves everything down when there is no room above the active card, and never above minTop', () => {
    const items = [
      { id: 'a', top: 0, height: 80 },
      { id: 'b', top: 20, height: 40 },
      { id: 'c', top: 30, height: 40 },
    ]
    const { tops } = layoutMargin(items, { gap: 8, activeId: 'b', minTop: 5 })
    expect(tops.get('a')).toBe(5)
    expect(tops.get('b')).toBe(93)
    expect(tops.get('c')).toBe(141)
    expect(Math.min(...tops.values())).toBeGreaterThanOrEqual(5)
  })

  it('never overlaps, whatever the anchors and heights (seeded random layouts)', () => {
    let seed = 42
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let round = 0; round < 200; round++) {
      const items = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, i) => ({ id: `t${i}`, top: Math.floor(random() * 800), height: 20 + Math.floor(random() * 150) }))
      const activeId = random() < 0.5 ? items[Math.floor(random() * items.length)]!.id : null
      const { tops } = layoutMargin(items, { gap: 6, activeId })
      expect(overlaps(items, tops, 6), `round ${round}`).toEqual([])
      for (const item of items) expect(tops.get(item.id)!).toBeGreaterThanOrEqual(0)
      if (activeId) {
        // The active card is at its anchor unless the ones above had no room to move up.
        const active = items.find((i) => i.id === activeId)!
        const above = items.filter((i) => i.top < active.top || (i.top === active.top && items.indexOf(i) < items.indexOf(active)))
        const room = above.reduce((sum, i) => sum + i.height + 6, 0)
        if (room <= active.top) expect(tops.get(activeId)).toBe(active.top)
      }
    }
  })

  it('refuses measurements that are not numbers', () => {
    expect(() => layoutMargin([{ id: 'x', top: Number.NaN, height: 10 }])).toThrow(RangeError)
  })
})

describe('@mentions in comments (plain text, linked to members by the client)', () => {
  const names = ['Edda Editor', 'Ed', 'Rosa Reviewer', 'José Núñez']

  it('splits a body into text and mentions of members, longest name first, case-insensitively; the text is unchanged', () => {
    const body = 'Thanks @edda editor and @Ed — see @Rosa Reviewer’s note; @Nobody, mail@Ed.com'
    const segments = mentionSegments(body, names)
    expect(segments.map((s) => s.text).join('')).toBe(body)
    expect(segments.filter((s) => s.kind === 'mention').map((s) => [s.text, s.kind === 'mention' && s.name])).toEqual([
      ['@edda editor', 'Edda Editor'],
      ['@Ed', 'Ed'],
      ['@Rosa Reviewer', 'Rosa Reviewer'],
    ])
    expect(mentionedNames(body, names)).toEqual(['Edda Editor', 'Ed', 'Rosa Reviewer'])
  })

  it('needs a word boundary after the name, and treats markup as text', () => {
    expect(mentionSegments('@Edda Editorial', names).filter((s) => s.kind === 'mention').map((s) => s.text)).toEqual([])
    expect(mentionSegments('@Eddy', names).every((s) => s.kind === 'text')).toBe(true)
    const html = '<img src=x onerror=alert(1)> @Ed'
    expect(mentionSegments(html, names)).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)> ' },
      { kind: 'mention', text: '@Ed', name: 'Ed' },
    ])
    expect(mentionSegments('', names)).toEqual([])
    expect(mentionSegments('no members @Ed', [])).toEqual([{ kind: 'text', text: 'no members @Ed' }])
  })

  it('finds the mention being typed before the caret', () => {
    expect(mentionQueryAt('Ask @Ro', 7)).toEqual({ start: 4, query: 'Ro' })
    expect(mentionQueryAt('Ask @', 5)).toEqual({ start: 4, query: '' })
    expect(mentionQueryAt('Ask @Rosa Re', 12)).toEqual({ start: 4, query: 'Rosa Re' })
    expect(mentionQueryAt('mail@ex', 7)).toBeNull()
    expect(mentionQueryAt('@ Ro', 4)).toBeNull()
    expect(mentionQueryAt('@Ro\nx', 5)).toBeNull()
    expect(mentionQueryAt('no at sign', 5)).toBeNull()
    expect(() => mentionQueryAt('abc', 9)).toThrow(RangeError)
  })

  it('offers matching members (start of the name first, then of a later word; accents and case ignored)', () => {
    expect(matchingNames('', names)).toEqual(['Ed', 'Edda Editor', 'José Núñez', 'Rosa Reviewer'])
    expect(matchingNames('ed', names)).toEqual(['Ed', 'Edda Editor'])
    expect(matchingNames('rev', names)).toEqual(['Rosa Reviewer'])
    expect(matchingNames('nunez', names)).toEqual(['José Núñez'])
    expect(matchingNames('jose n', names)).toEqual(['José Núñez'])
    expect(matchingNames('zz', names)).toEqual([])
  })

  it('completes the mention with the name and a space, and puts the caret after it', () => {
    const text = 'Ask @ro about it'
    const query = mentionQueryAt(text, 7)!
    expect(completeMention(text, query, 7, 'Rosa Reviewer')).toEqual({ text: 'Ask @Rosa Reviewer about it', caret: 19 })
    expect(completeMention('@E', { start: 0, query: 'E' }, 2, 'Ed')).toEqual({ text: '@Ed ', caret: 4 })
  })
})

describe('comment anchors in the editor document', () => {
  /** A ProseMirror doc of the article with the given paragraphs, and a comment on `quote` (by thread id). */
  function docWithComments(paragraphs: string[], comments: Array<[string, string]>) {
    const ydoc = new Y.Doc()
    for (const text of paragraphs) appendParagraph(ydoc, text)
    for (const [threadId, quote] of comments) {
      const from = positionOf(ydoc, quote)
      editAsEditor(ydoc, (tr) => tr.addMark(from, from + quote.length, articleSchema.marks[COMMENT_MARK]!.create({ threadId })))
    }
    return initProseMirrorDoc(getBody(ydoc), articleSchema).doc
  }

  it('finds each thread’s ranges, merging pieces split by formatting, and overlapping threads apart', () => {
    const doc = docWithComments(['The budget grows by ten percent.', 'Second paragraph.'], [
      ['wide0001', 'budget grows by ten'],
      ['narrow01', 'grows'],
      ['second01', 'Second'],
    ])
    const anchors = commentAnchorsOf(doc)
    const wide = anchors.get('wide0001')!
    expect(wide).toHaveLength(1)
    expect(doc.textBetween(wide[0]!.from, wide[0]!.to)).toBe('budget grows by ten')
    expect(doc.textBetween(anchors.get('narrow01')![0]!.from, anchors.get('narrow01')![0]!.to)).toBe('grows')
    expect(doc.textBetween(anchors.get('second01')![0]!.from, anchors.get('second01')![0]!.to)).toBe('Second')
    // The innermost thread wins where they overlap; a filter leaves threads out.
    const inGrows = anchors.get('narrow01')![0]!.from + 1
    expect(threadAt(anchors, inGrows)).toBe('narrow01')
    expect(threadAt(anchors, inGrows, new Set(['wide0001']))).toBe('wide0001')
    expect(threadAt(anchors, 1)).toBeNull()
  })
})

describe('who may do what with threads (client mirror of docs/access.md A5)', () => {
  const me = { id: 'u1', name: 'Me' }
  const other = { id: 'u2', name: 'Other' }
  it('reviewers comment and resolve their own threads; editors resolve any; viewers do nothing; only authors change messages', () => {
    expect((['owner', 'editor', 'factchecker', 'reviewer'] as Role[]).every(canComment)).toBe(true)
    expect(canComment('viewer')).toBe(false)
    expect(canComment(null)).toBe(false)
    expect(canResolve('reviewer', 'u1', { author: me })).toBe(true)
    expect(canResolve('reviewer', 'u1', { author: other })).toBe(false)
    expect(canResolve('editor', 'u1', { author: other })).toBe(true)
    expect(canResolve('viewer', 'u2', { author: other })).toBe(false)
    expect(canChangeMessage('reviewer', 'u1', { author: me, deletedAt: null })).toBe(true)
    expect(canChangeMessage('owner', 'u1', { author: other, deletedAt: null })).toBe(false)
    expect(canChangeMessage('reviewer', 'u1', { author: me, deletedAt: '2024-01-01T00:00:00Z' })).toBe(false)
  })

  it('client-chosen thread ids have the shape the server accepts', () => {
    for (let i = 0; i < 50; i++) expect(newRecordId()).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  })

  it('Ctrl+Alt+M (⌘⌥M on a Mac) is the comment shortcut, read from the physical key', () => {
    const key = (over: Partial<KeyboardEvent>) => ({ altKey: true, ctrlKey: false, metaKey: false, shiftKey: false, code: 'KeyM', key: 'm', ...over })
    expect(isCommentShortcut(key({ ctrlKey: true }), false)).toBe(true)
    expect(isCommentShortcut(key({ metaKey: true, key: 'µ' }), true)).toBe(true)
    expect(isCommentShortcut(key({ metaKey: true }), false)).toBe(false)
    expect(isCommentShortcut(key({ ctrlKey: true, shiftKey: true }), false)).toBe(false)
    expect(isCommentShortcut(key({ ctrlKey: true, altKey: false }), false)).toBe(false)
  })
})

/**
 * A stand-in for the server: runs each command with the server's own rules on `doc` (as the server
 * does on its live copy), answering like the socket ack; `hold` keeps answers until released.
 */
function fakeServer(doc: Y.Doc, actor: { author: { id: string; name: string }; role: Role }) {
  const held: Array<() => void> = []
  let holding = false
  let refuseNext: Response<CommandResult> | null = null
  const commands: ArticleCommands = {
    command(_articleId: string, command: Command) {
      return new Promise((resolve) => {
        const run = () => {
          if (refuseNext) {
            resolve(refuseNext)
            refuseNext = null
            return
          }
          try {
            const write = planThreadCommand(doc, actor, command as ThreadCommand)
            let result: CommandResult = {}
            doc.transact(() => {
              result = write(doc)
            }, 'server')
            resolve({ ok: true, ...result })
          } catch (err) {
            if (!(err instanceof GalleyError)) throw err
            resolve({ error: { code: err.code, message: err.message } })
          }
        }
        if (holding) held.push(run)
        else run()
      })
    },
  }
  return {
    commands,
    hold: () => (holding = true),
    release: async () => {
      holding = false
      for (const run of held.splice(0)) run()
      await new Promise((resolve) => setTimeout(resolve, 0))
    },
    refuseNext: (answer: Response<CommandResult>) => (refuseNext = answer),
  }
}

/** Encoded relative positions of `quote` in the doc's body, as the editor sends them. */
function anchorOn(doc: Y.Doc, quote: string) {
  const { mapping } = initProseMirrorDoc(getBody(doc), articleSchema)
  const from = positionOf(doc, quote)
  return {
    start: Y.encodeRelativePosition(absolutePositionToRelativePosition(from, getBody(doc), mapping)),
    end: Y.encodeRelativePosition(absolutePositionToRelativePosition(from + quote.length, getBody(doc), mapping)),
    quote,
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('ThreadsModel (threads from the Y.Doc, own changes shown at once, honest delivery)', () => {
  const rosa = { id: 'rosa-id-1', name: 'Rosa Reviewer' }

  it('shows a new thread at once as sending, then stored with the server’s record; replies, edits, deletes and resolves likewise', async () => {
    const doc = new Y.Doc()
    appendParagraph(doc, 'The minister said the budget grows by ten percent next year.')
    const server = fakeServer(doc, { author: rosa, role: 'reviewer' })
    const model = new ThreadsModel(doc, 'article-1', server.commands, rosa)
    const seen: ThreadsSnapshot[] = []
    model.on('change', (snapshot: ThreadsSnapshot) => seen.push(snapshot))

    server.hold()
    const threadId = model.create(anchorOn(doc, 'ten percent'), 'Source, @Edda Editor?')
    let [thread] = model.snapshot.threads
    expect(thread).toMatchObject({ id: threadId, delivery: 'sending', quote: 'ten percent', anchored: true, state: 'open' })
    expect(thread!.messages.map((m) => [m.body, m.delivery])).toEqual([['Source, @Edda Editor?', 'sending']])
    expect(model.snapshot.openCount).toBe(1)
    await server.release()
    ;[thread] = model.snapshot.threads
    expect(thread).toMatchObject({ id: threadId, delivery: 'stored', anchored: true, author: rosa })
    expect(readThread(doc, threadId)?.messages[0]?.body).toBe('Source, @Edda Editor?')

    server.hold()
    model.reply(threadId, 'Budget office, p. 4')
    expect(model.snapshot.threads[0]!.messages.map((m) => [m.body, m.delivery])).toEqual([
      ['Source, @Edda Editor?', 'stored'],
      ['Budget office, p. 4', 'sending'],
    ])
    await server.release()
    const replyId = model.snapshot.threads[0]!.messages[1]!.id
    expect(model.snapshot.threads[0]!.messages[1]).toMatchObject({ delivery: 'stored', opId: null })

    model.edit(threadId, replyId, 'Budget office, page 4')
    model.setState(threadId, 'resolved')
    await settle()
    expect(model.snapshot.threads[0]).toMatchObject({ state: 'resolved', resolvedBy: rosa, changingState: false })
    expect(model.snapshot.threads[0]!.messages[1]).toMatchObject({ body: 'Budget office, page 4', changing: false })
    expect(model.snapshot.threads[0]!.messages[1]!.editedAt).not.toBeNull()
    expect(model.snapshot.openCount).toBe(0)
    model.remove(threadId, replyId)
    await settle()
    expect(model.snapshot.threads[0]!.messages[1]).toMatchObject({ body: '' })
    expect(model.snapshot.threads[0]!.messages[1]!.deletedAt).not.toBeNull()
    // The snapshot object only changes when something in it does.
    const before = model.snapshot
    appendParagraph(doc, 'Typing elsewhere changes no thread.')
    expect(model.snapshot).toBe(before)
    expect(seen.length).toBeGreaterThan(4)
    model.destroy()
  })

  it('a refused thread stays with the reason and can be sent again or discarded; a refused resolve is reported on the thread', async () => {
    const doc = new Y.Doc()
    appendParagraph(doc, 'The minister said the budget grows by ten percent next year.')
    const server = fakeServer(doc, { author: rosa, role: 'reviewer' })
    const model = new ThreadsModel(doc, 'article-1', server.commands, rosa)
    server.refuseNext({ error: { code: ErrorCode.unavailable, message: 'Not connected to the Galley server' } })
    const threadId = model.create(anchorOn(doc, 'budget'), 'Which budget?')
    await settle()
    let thread = model.snapshot.threads[0]!
    expect(thread).toMatchObject({ id: threadId, delivery: 'failed', error: { code: 'unavailable' } })
    expect(model.snapshot.openCount).toBe(0)
    model.retry(thread.opId!)
    await settle()
    thread = model.snapshot.threads[0]!
    expect(thread).toMatchObject({ id: threadId, delivery: 'stored' })
    expect(model.snapshot.threads).toHaveLength(1)

    // Someone else's thread: a reviewer may not resolve it; the server says so and the thread shows it.
    const other = { id: 'edda-id-1', name: 'Edda Editor' }
    const editorServer = fakeServer(doc, { author: other, role: 'editor' })
    const editorModel = new ThreadsModel(doc, 'article-1', editorServer.commands, other)
    const othersThread = editorModel.create(anchorOn(doc, 'minister'), 'Name him.')
    await settle()
    model.setState(othersThread, 'resolved')
    await settle()
    const refused = model.snapshot.threads.find((t) => t.id === othersThread)!
    expect(refused.state).toBe('open')
    expect(refused.problems).toEqual([{ opId: expect.any(String), action: 'Resolving', error: { code: 'forbidden', message: expect.any(String) } }])
    model.discard(refused.problems[0]!.opId)
    expect(model.snapshot.threads.find((t) => t.id === othersThread)!.problems).toEqual([])

    // Deleting the anchored text orphans the thread: kept, with its quote.
    editAsEditor(doc, (tr) => {
      const from = positionOf(doc, 'minister')
      tr.delete(from, from + 'minister'.length)
    })
    expect(model.snapshot.threads.find((t) => t.id === othersThread)).toMatchObject({ anchored: false, quote: 'minister' })
    const { anchored, orphaned } = arrangeThreads(model.snapshot.threads, 'all', [threadId])
    expect(anchored.map((t) => t.id)).toEqual([threadId])
    expect(orphaned.map((t) => t.id)).toEqual([othersThread])
    expect(arrangeThreads(model.snapshot.threads, 'resolved', [threadId]).anchored).toEqual([])
    model.destroy()
    editorModel.destroy()
  })
})
