import type { BrowserContextOptions, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { readSampleArticle } from '../../server/seed/sampleArticle.ts'
import { api, memberWithRole } from '../helpers/accounts.ts'
import { launchBrowser, stage } from '../helpers/browser.ts'
import { openArticleAs, selectInStory, startServerWithClient } from '../helpers/browserSession.ts'
import { createArticle } from '../helpers/testServer.ts'

/** A sentence of the sample article's third paragraph. */
const SENTENCE = 'The upcoming engagement is the first of the three such meetings scheduled to take place between US and Russia.'
/** The same sentence after the editor's rewrite (the words typed inside it). */
const REWRITTEN = 'The upcoming Geneva engagement is the first of the three planned meetings scheduled to take place between US and Russia.'
/** Wide enough for the story with the comments margin beside it. */
const WIDE: BrowserContextOptions = { viewport: { width: 1400, height: 900 } }

/** The text a thread's highlight covers in a page, without colleagues' caret labels. */
const highlightedText = (page: Page, threadId: string) =>
  page.evaluate((id) => {
    const root = document.querySelector('.ProseMirror')!.cloneNode(true) as HTMLElement
    root.querySelectorAll('.collaboration-caret__caret').forEach((caret) => caret.remove())
    return [...root.querySelectorAll(`.comment-highlight[data-comment-thread="${id}"]`)]
      .filter((element) => !element.parentElement?.closest(`.comment-highlight[data-comment-thread="${id}"]`))
      .map((element) => element.textContent)
      .join('')
  }, threadId)

interface ThreadView {
  id: string
  anchorText: string | null
  orphaned: boolean
  state: string
  messages: Array<{ body: string; author: { name: string } }>
}

describe('inline review comments in the browser', () => {
  it('a reviewer comments on a sentence; the editor sees it at once, replies, rewrites the sentence and resolves it; the reviewer sees all of it', async () => {
    const server = await startServerWithClient()
    const id = await createArticle(server.url, { text: readSampleArticle() })
    const { user: eddaUser } = await memberWithRole(server, id, 'editor', 'Edda Editor')
    const { user: rosaUser } = await memberWithRole(server, id, 'reviewer', 'Rosa Reviewer')
    const browser = await launchBrowser()
    const errors: string[] = []
    const rosa = await openArticleAs(browser, server, rosaUser, id, errors, { context: WIDE })
    const edda = await openArticleAs(browser, server, eddaUser, id, errors, { context: WIDE })
    await expect.poll(() => rosa.getByTestId('save-status').innerText(), { timeout: 10_000 }).toBe('Read only')

    // The reviewer's story is read-only, yet she selects a sentence and comments with Ctrl+Alt+M.
    expect(await rosa.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false')
    await selectInStory(rosa, SENTENCE)
    await rosa.getByTestId('comment-float-button').waitFor()
    await rosa.keyboard.press('Control+Alt+KeyM')
    const draft = rosa.getByRole('combobox', { name: 'Comment on the selected text' })
    await expect.poll(() => draft.evaluate((element) => element === document.activeElement), { timeout: 5000 }).toBe(true)
    expect(await rosa.getByTestId('comment-draft').innerText()).toContain(SENTENCE)
    // @mention completion from the article's members.
    await draft.pressSequentially('Is this sourced? Asking @Edd', { delay: 10 })
    const option = rosa.getByRole('option', { name: '@Edda Editor' })
    await option.waitFor()
    await rosa.keyboard.press('Enter')
    await rosa.keyboard.type('before we run it.', { delay: 5 })
    expect(await draft.inputValue()).toBe('Is this sourced? Asking @Edda Editor before we run it.')
    await rosa.keyboard.press('Control+Enter')

    // Her thread shows at once beside the sentence, and settles once the server has stored it.
    const rosaThread = rosa.getByTestId('comment-thread')
    await rosaThread.waitFor()
    const threadId = (await rosaThread.getAttribute('data-thread-id'))!
    expect(threadId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    await expect.poll(() => rosaThread.innerText(), { timeout: 10_000 }).not.toContain('Sending…')
    expect(await rosaThread.locator('.comment-mention').innerText()).toBe('@Edda Editor')
    expect(await rosa.getByTestId('open-thread-count').innerText()).toBe('1 open')
    await expect.poll(() => highlightedText(rosa, threadId), { timeout: 10_000 }).toBe(SENTENCE)
    // A reviewer resolves her own thread but cannot edit the story: her card offers Resolve.
    expect(await rosaThread.getByRole('button', { name: 'Resolve' }).count()).toBe(1)

    // The editor sees the highlight and the thread at once.
    await expect.poll(() => highlightedText(edda, threadId), { timeout: 10_000 }).toBe(SENTENCE)
    const eddaThread = edda.locator(`[data-testid="comment-thread"][data-thread-id="${threadId}"]`)
    await expect.poll(() => eddaThread.innerText(), { timeout: 10_000 }).toContain('Is this sourced?')
    expect(await eddaThread.innerText()).toContain('Rosa Reviewer')
    // The card comes to stand level with the sentence (the margin measures in the animation frame
    // after the text changed, so a busy machine may see the card before it moved).
    const highlight = edda.locator(`.comment-highlight[data-comment-thread="${threadId}"]`).first()
    await expect
      .poll(async () => Math.abs((await eddaThread.boundingBox())!.y - (await highlight.boundingBox())!.y), { timeout: 10_000 })
      .toBeLessThan(40)

    // Clicking the highlight opens the thread; the reviewer sees that the editor is looking at it.
    await edda.locator(`.comment-highlight[data-comment-thread="${threadId}"]`).first().click()
    await expect.poll(() => eddaThread.getAttribute('aria-current'), { timeout: 5000 }).toBe('true')
    await expect.poll(() => rosaThread.locator('.comment-thread__viewer').allInnerTexts(), { timeout: 10_000 }).toContain('Edda Editor')
    const reply = eddaThread.getByRole('combobox', { name: 'Reply to Rosa Reviewer' })
    await reply.fill('Sourced to the State Department transcript.')
    await eddaThread.getByRole('button', { name: 'Reply', exact: true }).click()
    await expect.poll(() => eddaThread.innerText(), { timeout: 10_000 }).toContain('Sourced to the State Department transcript.')

    // The reviewer sees the reply live.
    await expect.poll(() => rosaThread.innerText(), { timeout: 10_000 }).toContain('Sourced to the State Department transcript.')

    // The editor keeps rewriting the sentence: words typed inside it, a word replaced, text typed
    // right before and right after it (which the anchor does not take in).
    await selectInStory(edda, SENTENCE, 'The upcoming'.length, 'The upcoming'.length)
    await edda.keyboard.type(' Geneva', { delay: 15 })
    await selectInStory(edda, 'three such meetings', 'three '.length, 'three such'.length)
    await edda.keyboard.type('planned', { delay: 15 })
    await selectInStory(edda, 'and Russia.', 'and Russia.'.length, 'and Russia.'.length)
    await edda.keyboard.type(' Talks follow.', { delay: 15 })
    await selectInStory(edda, REWRITTEN, 0, 0)
    await edda.keyboard.type('Notably, ', { delay: 15 })
    await expect.poll(() => highlightedText(edda, threadId), { timeout: 10_000 }).toBe(REWRITTEN)
    await expect.poll(() => highlightedText(rosa, threadId), { timeout: 10_000 }).toBe(REWRITTEN)
    await expect.poll(() => edda.getByTestId('save-status').innerText(), { timeout: 10_000 }).toBe('All changes saved')

    // Then resolves it.
    await eddaThread.getByRole('button', { name: 'Resolve' }).click()
    await expect.poll(() => edda.getByTestId('open-thread-count').innerText(), { timeout: 10_000 }).toBe('none open')

    // The reviewer sees the resolution: no open thread; under "Resolved", who resolved it, with the reply.
    await expect.poll(() => rosa.getByTestId('open-thread-count').innerText(), { timeout: 10_000 }).toBe('none open')
    await expect.poll(() => rosa.getByTestId('comment-thread').count(), { timeout: 10_000 }).toBe(0)
    expect(await highlightedText(rosa, threadId)).toBe('')
    await rosa.getByRole('radio', { name: 'Resolved' }).check()
    await expect.poll(() => rosaThread.innerText(), { timeout: 10_000 }).toContain('Resolved by Edda Editor')
    expect(await rosaThread.innerText()).toContain('Sourced to the State Department transcript.')
    expect(await rosaThread.getByRole('button', { name: 'Reopen' }).count()).toBe(1)
    // The anchor still covers the rewritten words, in her view and on the server.
    await expect.poll(() => highlightedText(rosa, threadId), { timeout: 10_000 }).toBe(REWRITTEN)
    const threads = (await (await api(server.url, server.token, `/api/articles/${id}/threads`)).json()) as ThreadView[]
    expect(threads).toHaveLength(1)
    expect(threads[0]).toMatchObject({ id: threadId, anchorText: REWRITTEN, orphaned: false, state: 'resolved' })
    expect(threads[0]!.messages.map((m) => [m.author.name, m.body])).toEqual([
      ['Rosa Reviewer', 'Is this sourced? Asking @Edda Editor before we run it.'],
      ['Edda Editor', 'Sourced to the State Department transcript.'],
    ])
    // Commenting changed nothing in her own copy of the story: it is still only read.
    expect(await rosa.getByTestId('save-status').innerText()).toBe('Read only')
    expect(errors).toEqual([])
  })
})

describe('a reviewer who uses only the keyboard', () => {
  it('tabs into the read-only story, sees a caret, selects words with Shift+Ctrl+Arrow and comments on them; typing changes nothing', async () => {
    const { rosa, story, before, errors } = await stage('open the article as a reviewer', 30_000, async () => {
      const server = await startServerWithClient()
      const id = await createArticle(server.url, { text: readSampleArticle() })
      const { user } = await memberWithRole(server, id, 'reviewer', 'Rosa Reviewer')
      const browser = await launchBrowser()
      const errors: string[] = []
      const rosa = await openArticleAs(browser, server, user, id, errors, { context: WIDE })
      await expect.poll(() => rosa.getByTestId('save-status').innerText(), { timeout: 10_000 }).toBe('Read only')
      const story = rosa.locator('.ProseMirror')
      return { rosa, story, before: await story.innerText(), errors }
    })

    await stage('tab into the story and see a caret', 15_000, async () => {
      // Tab reaches the story (the body is not contenteditable for her, yet focusable).
      const storyFocused = () => rosa.evaluate(() => document.activeElement?.classList.contains('ProseMirror') ?? false)
      for (let presses = 0; presses < 60 && !(await storyFocused()); presses++) await rosa.keyboard.press('Tab')
      expect(await storyFocused()).toBe(true)
      expect(await story.getAttribute('contenteditable')).toBe('false')
      // A caret at the start of the story, drawn while it has focus.
      await expect.poll(() => rosa.locator('.read-only-caret').evaluate((caret) => getComputedStyle(caret).display), { timeout: 5000 }).toBe('inline')
      // The editor has a key's selection when the key is handled, not only once the browser's
      // selectionchange comes (a busy page may handle the next key, a shortcut, before that): read
      // in the same task as the key.
      const selections = await rosa.evaluate(() => {
        type Tiptap = HTMLElement & { editor: { state: { selection: { anchor: number; head: number } } } }
        const dom = document.querySelector('.ProseMirror') as Tiptap
        const read = () => [dom.editor.state.selection.anchor, dom.editor.state.selection.head]
        const press = (key: string) => dom.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey: true, bubbles: true, cancelable: true }))
        const before = read()
        press('ArrowRight')
        const extended = read()
        press('ArrowLeft')
        return { before, extended, back: read() }
      })
      const [start] = selections.before
      expect(selections).toEqual({ before: [start, start], extended: [start, start! + 1], back: [start, start] })
    })

    await stage('select two words; typing changes nothing', 15_000, async () => {
      // Word by word: the first two words of the story.
      await rosa.keyboard.press('Shift+Control+ArrowRight')
      await rosa.keyboard.press('Shift+Control+ArrowRight')
      await expect.poll(() => rosa.evaluate(() => document.getSelection()!.toString().trim())).toBe('United States')
      // Keys that would type, delete or paste do nothing.
      await rosa.keyboard.press('Backspace')
      await rosa.keyboard.type('xyz')
      await rosa.keyboard.press('Enter')
      expect(await story.innerText()).toBe(before)
    })

    await stage('comment on the selection', 30_000, async () => {
      await rosa.keyboard.press('Control+Alt+KeyM')
      const draft = rosa.getByRole('combobox', { name: 'Comment on the selected text' })
      await expect.poll(() => draft.evaluate((element) => element === document.activeElement), { timeout: 5000 }).toBe(true)
      expect(await rosa.getByTestId('comment-draft').innerText()).toContain('United States')
      await draft.pressSequentially('Which office exactly?', { delay: 5 })
      await rosa.keyboard.press('Control+Enter')
      const thread = rosa.getByTestId('comment-thread')
      await thread.waitFor()
      const threadId = (await thread.getAttribute('data-thread-id'))!
      await expect.poll(() => highlightedText(rosa, threadId), { timeout: 10_000 }).toMatch(/^United States ?$/)
      expect(await story.innerText()).toBe(before)
      expect(await rosa.getByTestId('save-status').innerText()).toBe('Read only')
    })
    expect(errors).toEqual([])
  })
})

describe('comment threads: own messages, orphans, read-only members, honest failures', () => {
  it('an editor comments from the toolbar, edits and deletes her own messages; deleting the text orphans the thread; a viewer only reads; a reply sent offline says so and is sent again', async () => {
    const server = await startServerWithClient()
    const id = await createArticle(server.url, { text: readSampleArticle() })
    const { user: eddaUser } = await memberWithRole(server, id, 'editor', 'Edda Editor')
    const { user: vikUser } = await memberWithRole(server, id, 'viewer', 'Viktor Viewer')
    const browser = await launchBrowser()
    const errors: string[] = []
    const edda = await openArticleAs(browser, server, eddaUser, id, errors, { context: WIDE })
    const vik = await openArticleAs(browser, server, vikUser, id, errors, { context: WIDE })
    await edda.locator('.ProseMirror[contenteditable="true"]').waitFor()

    // From the toolbar.
    const toolbarComment = edda.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Comment' })
    expect(await toolbarComment.isDisabled()).toBe(true)
    await selectInStory(edda, 'Annalena Baerbock')
    await expect.poll(() => toolbarComment.isDisabled(), { timeout: 5000 }).toBe(false)
    await toolbarComment.click()
    const draft = edda.getByRole('combobox', { name: 'Comment on the selected text' })
    await expect.poll(() => draft.evaluate((element) => element === document.activeElement), { timeout: 5000 }).toBe(true)
    await draft.fill('Spell-check the name.')
    await edda.getByTestId('comment-draft').getByRole('button', { name: 'Comment' }).click()
    const card = edda.getByTestId('comment-thread')
    await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain('Spell-check the name.')
    await expect.poll(() => card.innerText(), { timeout: 10_000 }).not.toContain('Sending…')
    const threadId = (await card.getAttribute('data-thread-id'))!

    // She edits her comment.
    await card.getByRole('button', { name: 'Edit your comment' }).click()
    const editBox = card.getByRole('combobox', { name: 'Edit your comment' })
    await editBox.fill('Spell-check the minister’s name.')
    await card.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => card.locator('.comment-message').first().innerText(), { timeout: 10_000 }).toContain('Spell-check the minister’s name.')
    await expect.poll(() => card.locator('.comment-message').first().innerText(), { timeout: 10_000 }).toContain('(edited)')

    // The viewer reads it live, with nothing to act with, and cannot start a comment.
    const vikCard = vik.locator(`[data-testid="comment-thread"][data-thread-id="${threadId}"]`)
    await expect.poll(() => vikCard.innerText(), { timeout: 10_000 }).toContain('Spell-check the minister’s name.')
    expect(await vikCard.getByRole('button').count()).toBe(0)
    await selectInStory(vik, 'Geneva')
    await vik.keyboard.press('Control+Alt+KeyM')
    expect(await vik.getByTestId('comment-float-button').count()).toBe(0)
    expect(await vik.getByTestId('comment-draft').count()).toBe(0)

    // A reply sent while offline says it was not sent; once back online, "Try again" sends it.
    await card.click()
    await edda.context().setOffline(true)
    await expect.poll(() => edda.getByTestId('save-status').innerText(), { timeout: 15_000 }).toMatch(/Offline|Connecting/)
    await card.getByRole('combobox', { name: 'Reply to Edda Editor' }).fill('Checked: Baerbock.')
    await card.getByRole('button', { name: 'Reply', exact: true }).click()
    await expect.poll(() => card.getByRole('alert').innerText(), { timeout: 10_000 }).toContain('Not sent')
    await edda.context().setOffline(false)
    await expect.poll(() => edda.getByTestId('save-status').innerText(), { timeout: 20_000 }).toBe('All changes saved')
    await card.getByRole('button', { name: 'Try again' }).click()
    await expect.poll(() => vikCard.innerText(), { timeout: 10_000 }).toContain('Checked: Baerbock.')
    expect(await card.getByRole('alert').count()).toBe(0)

    // She deletes her reply (asked to confirm first).
    await card.getByRole('button', { name: 'Delete your reply' }).click()
    await card.getByRole('group', { name: 'Delete this reply?' }).getByRole('button', { name: 'Delete' }).click()
    await expect.poll(() => vikCard.innerText(), { timeout: 10_000 }).toContain('This reply was deleted.')
    expect(await vikCard.innerText()).not.toContain('Checked: Baerbock.')

    // Deleting the commented words orphans the thread: listed under "On deleted text" with its quote.
    await selectInStory(edda, 'Annalena Baerbock')
    await edda.keyboard.press('Backspace')
    const orphans = vik.getByRole('region', { name: 'On deleted text' })
    await expect.poll(() => orphans.innerText(), { timeout: 10_000 }).toContain('Annalena Baerbock')
    expect(await orphans.innerText()).toContain('The text it was on was deleted')
    await expect.poll(() => edda.getByRole('region', { name: 'On deleted text' }).count(), { timeout: 10_000 }).toBe(1)
    expect(errors).toEqual([])
  })
})
