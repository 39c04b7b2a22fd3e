import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { readSampleArticle } from '../../server/seed/sampleArticle.ts'
import { TEST_PASSWORD, addMember, addUser, api } from '../helpers/accounts.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { createArticle, startServer } from '../helpers/testServer.ts'

const DIST = path.resolve(import.meta.dirname, '../../client/dist')

/**
 * Opens the article's address signed out, is sent to the sign-in page (which keeps the address to
 * come back to), signs in there with email and password, and waits for the article's text.
 */
async function openAs(page: Page, url: string, email: string): Promise<void> {
  await page.goto(url)
  await page.waitForURL((address) => address.pathname === '/signin')
  expect(new URL(page.url()).searchParams.get('next')).toBe(new URL(url).pathname)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(TEST_PASSWORD)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL(url)
  await page.locator('.ProseMirror').getByText('United States Secretary of State', { exact: false }).waitFor()
}

/** Puts the caret at the start or end of the n-th paragraph of the editor (as a click there would). */
async function caretInParagraph(page: Page, n: number, where: 'start' | 'end'): Promise<void> {
  await page.locator('.ProseMirror').focus()
  await page.evaluate(([index, atStart]) => {
    const p = document.querySelectorAll('.ProseMirror p')[index]
    if (!p) throw new Error(`no paragraph ${index}`)
    const range = document.createRange()
    range.selectNodeContents(p)
    range.collapse(atStart)
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
  }, [n, where === 'start'] as const)
  // Let ProseMirror read the DOM selection change.
  await page.waitForTimeout(50)
}

/** The editor's text, block by block, without the remote carets' name labels. */
const editorText = (page: Page) =>
  page.evaluate(() => {
    const clone = document.querySelector('.ProseMirror')!.cloneNode(true) as HTMLElement
    clone.querySelectorAll('.collaboration-caret__caret').forEach((caret) => caret.remove())
    return [...clone.querySelectorAll('p, h2, h3, li')].map((block) => block.textContent).join('\n\n')
  })

describe('two browsers co-edit the sample article', () => {
  it('two editors sign in, type at the same moment in different and in the same paragraph, see each other, survive a reload', async () => {
    if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('client/dist is missing: run `npm run build` first')
    const server = await startServer({ clientDist: DIST })
    const id = await createArticle(server.url, { text: readSampleArticle() })
    const aliceUser = await addUser(server, { email: 'alice@test.galley', name: 'Alice Adams' })
    const bobUser = await addUser(server, { email: 'bob@test.galley', name: 'Bob Brown' })
    await addMember(server, id, aliceUser.id, 'editor')
    await addMember(server, id, bobUser.id, 'editor')
    const browser = await launchBrowser()
    const alice = await (await browser.newContext()).newPage()
    const bob = await (await browser.newContext()).newPage()
    const errors: string[] = []
    for (const page of [alice, bob]) page.on('pageerror', (e) => errors.push(e.message))
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
    await alice.locator('.ProseMirror').getByText('Alpha typed here.', { exact: false }).waitFor()
    await expect.poll(() => editorText(alice), { timeout: 10_000 }).toBe(text)
    expect(errors).toEqual([])

    // The server holds the same text (a fresh reader through the API).
    const stored = (await (await api(server.url, server.token, `/api/articles/${id}`)).json()) as { text: string }
    for (const typed of ['Alpha typed here.', 'Bravo typed there.', 'Charlie', 'Delta']) expect(stored.text).toContain(typed)
  })
})
