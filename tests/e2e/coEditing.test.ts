import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { readSampleArticle } from '../../server/seed/sampleArticle.ts'
import { memberWithRole } from '../helpers/accounts.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { caretInParagraph, editorText, pageSignedOut, startServerWithClient, submitSignIn, waitForSignInPage, waitForStoryText } from '../helpers/browserSession.ts'
import { articleText, createArticle } from '../helpers/testServer.ts'

/**
 * Opens the article's address signed out, is sent to the sign-in page (which keeps the address to
 * come back to), signs in there with email and password, and waits for the article's text.
 */
async function openAs(page: Page, url: string, email: string): Promise<void> {
  await page.goto(url)
  expect(await waitForSignInPage(page)).toBe(new URL(url).pathname)
  await submitSignIn(page, email)
  await page.waitForURL(url)
  await waitForStoryText(page)
}

describe('two browsers co-edit the sample article', () => {
  it('two editors sign in, type at the same moment in different and in the same paragraph, see each other, survive a reload', async () => {
    const server = await startServerWithClient()
    const id = await createArticle(server.url, { text: readSampleArticle() })
    const { user: aliceUser } = await memberWithRole(server, id, 'editor', 'Alice Adams')
    const { user: bobUser } = await memberWithRole(server, id, 'editor', 'Bob Brown')
    const browser = await launchBrowser()
    const errors: string[] = []
    const alice = await pageSignedOut(browser, errors)
    const bob = await pageSignedOut(browser, errors)
    await openAs(alice, `${server.url}/a/${id}`, aliceUser.email)
    await openAs(bob, `${server.url}/a/${id}`, bobUser.email)
    // Signed in as themselves: the header names them, the editor is theirs to edit.
    expect(await alice.getByTestId('user-name').innerText()).toBe('Alice Adams')
    expect(await bob.locator('.ProseMirror').getAttribute('contenteditable')).toBe('true')

    // Different paragraphs, at the same moment.
    await caretInParagraph(alice, 0, 'end')
    await caretInParagraph(bob, 2, 'end')
    await Promise.all([alice.keyboard.type(' Alpha typed here.', { delay: 15 }), bob.keyboard.type(' Bravo typed there.', { delay: 15 })])

    // The same paragraph, at the same moment (its end and its start: two people typing at the very
    // same spot may interleave words, as in any collaborative editor).
    await caretInParagraph(alice, 1, 'end')
    await caretInParagraph(bob, 1, 'start')
    await Promise.all([alice.keyboard.type(' Charlie', { delay: 20 }), bob.keyboard.type('Delta ', { delay: 20 })])

    await expect.poll(async () => (await editorText(alice)) === (await editorText(bob)), { timeout: 10_000 }).toBe(true)
    const text = await editorText(alice)
    for (const typed of ['Alpha typed here.', 'Bravo typed there.', 'Charlie', 'Delta']) expect(text).toContain(typed)

    // Each sees the other's caret with the other's account name.
    await expect.poll(() => alice.locator('.collaboration-caret__label').allInnerTexts(), { timeout: 10_000 }).toContain('Bob Brown')
    await expect.poll(() => bob.locator('.collaboration-caret__label').allInnerTexts(), { timeout: 10_000 }).toContain('Alice Adams')

    // Honest status, then a reload shows the same text.
    await expect.poll(() => alice.getByTestId('save-status').innerText(), { timeout: 10_000 }).toBe('All changes saved')
    await expect.poll(() => bob.getByTestId('save-status').innerText(), { timeout: 10_000 }).toBe('All changes saved')
    await alice.reload()
    await waitForStoryText(alice, 'Alpha typed here.')
    await expect.poll(() => editorText(alice), { timeout: 10_000 }).toBe(text)
    expect(errors).toEqual([])

    // The server holds the same text (a fresh reader through the API).
    const stored = await articleText(server.url, id)
    for (const typed of ['Alpha typed here.', 'Bravo typed there.', 'Charlie', 'Delta']) expect(stored).toContain(typed)
  })
})
