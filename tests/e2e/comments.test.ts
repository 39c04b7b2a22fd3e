import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { PublicUser } from '../../shared/auth/index.ts'
import { readSampleArticle } from '../../server/seed/sampleArticle.ts'
import { addMember, addUser, api, signIn } from '../helpers/accounts.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { createArticle, startServer, type TestServer } from '../helpers/testServer.ts'

const DIST = path.resolve(import.meta.dirname, '../../client/dist')
const SAMPLE_WORDS = 'United States Secretary of State'
/** A sentence of the sample article's third paragraph. */
const SENTENCE = 'The upcoming engagement is the first of the three such meetings scheduled to take place between US and Russia.'
/** The same sentence after the editor's rewrite (the words typed inside it). */
const REWRITTEN = 'The upcoming Geneva engagement is the first of the three planned meetings scheduled to take place between US and Russia.'

/** A page in its own browser context, signed in as `user` with the session cookie the API hands out. */
async function pageSignedInAs(browser: Browser, server: TestServer, user: PublicUser, errors: string[]): Promise<Page> {
  const { cookie } = await signIn(server.url, user.email)
  const [name, ...value] = cookie.split('=')
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  await context.addCookies([{ name: name!, value: value.join('='), url: server.url }])
  const page = await context.newPage()
  page.on('pageerror', (e) => errors.push(e.message))
  return page
}

async function openArticle(page: Page, server: TestServer, id: string): Promise<void> {
  await page.goto(`${server.url}/a/${id}`)
  await page.locator('.ProseMirror').getByText(SAMPLE_WORDS, { exact: false }).waitFor()
}

/**
 * Selects characters `start`…`end` of the first occurrence of `text` in the story (as a drag of the
 * mouse would), skipping colleagues' caret labels; collapsed when start = end. Waits for ProseMirror
 * to read the selection.
 */
async function selectInStory(page: Page, text: string, start = 0, end = text.length): Promise<void> {
  await page.evaluate(
    ([wanted, from, to]) => {
      const root = document.querySelector('.ProseMirror')!
      const nodes: Text[] = []
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!(node.parentElement?.closest('.collaboration-caret__caret'))) nodes.push(node as Text)
      }
      // Text nodes of one paragraph in a row; look for the text across them.
      const full = nodes.map((n) => n.data).join('')
      const at = full.indexOf(wanted)
      if (at === -1) throw new Error(`"${wanted}" is not in the story`)
      const locate = (offset: number): [Text, number] => {
        let seen = 0
        for (const node of nodes) {
          if (offset <= seen + node.data.length) return [node, offset - seen]
          seen += node.data.length
        }
        throw new Error('offset beyond the story')
      }
      const range = document.createRange()
      range.setStart(...locate(at + from))
      range.setEnd(...locate(at + to))
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
    },
    [text, start, end] as const,
  )
  await page.waitForTimeout(80)
}

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
    if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('client/dist is missing: run `npm run build` first')
    const server = await startServer({ clientDist: DIST })
    const id = await createArticle(server.url, { text: readSampleArticle() })
    const eddaUser = await addUser(server, { email: 'edda@test.galley', name: 'Edda Editor' })
    const rosaUser = await addUser(server, { email: 'rosa@test.galley', name: 'Rosa Reviewer' })
    await addMember(server, id, eddaUser.id, 'editor')
    await addMember(server, id, rosaUser.id, 'reviewer')
    const browser = await launchBrowser()
    const errors: string[] = []
    const rosa = await pageSignedInAs(browser, server, rosaUser, errors)
    const edda = await pageSignedInAs(browser, server, eddaUser, errors)
    await openArticle(rosa, server, id)
    await openArticle(edda, server, id)
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
    // The card stands level with the sentence (the margin is beside the text).
    const cardTop = (await eddaThread.boundingBox())!.y
    const textTop = (await edda.locator(`.comment-highlight[data-comment-thread="${threadId}"]`).first().boundingBox())!.y
    expect(Math.abs(cardTop - textTop)).toBeLessThan(40)

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

describe('comment threads: own messages, orphans, read-only members, honest failures', () => {
  it('an editor comments from the toolbar, edits and deletes her own messages; deleting the text orphans the thread; a viewer only reads; a reply sent offline says so and is sent again', async () => {
    if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('client/dist is missing: run `npm run build` first')
    const server = await startServer({ clientDist: DIST })
    const id = await createArticle(server.url, { text: readSampleArticle() })
    const eddaUser = await addUser(server, { email: 'edda@test.galley', name: 'Edda Editor' })
    const vikUser = await addUser(server, { email: 'vik@test.galley', name: 'Viktor Viewer' })
    await addMember(server, id, eddaUser.id, 'editor')
    await addMember(server, id, vikUser.id, 'viewer')
    const browser = await launchBrowser()
    const errors: string[] = []
    const edda = await pageSignedInAs(browser, server, eddaUser, errors)
    const vik = await pageSignedInAs(browser, server, vikUser, errors)
    await openArticle(edda, server, id)
    await openArticle(vik, server, id)
    await edda.locator('.ProseMirror[contenteditable="true"]').waitFor()

    // From the toolbar.
    const toolbarComment = edda.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Comment' })
    expect(await toolbarComment.isDisabled()).toBe(true)
    await edda.locator('.ProseMirror').focus()
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
