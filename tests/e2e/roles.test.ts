import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { PublicUser } from '../../shared/auth/index.ts'
import { readSampleArticle } from '../../server/seed/sampleArticle.ts'
import { TEST_PASSWORD, addMember, addUser, api, signIn } from '../helpers/accounts.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { createArticle, startServer, type TestServer } from '../helpers/testServer.ts'

const DIST = path.resolve(import.meta.dirname, '../../client/dist')
const SAMPLE_WORDS = 'United States Secretary of State'

function requireBuiltClient(): void {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('client/dist is missing: run `npm run build` first')
}

/** A page in its own browser context, signed in as `user` with the session cookie the API hands out. */
async function pageSignedInAs(browser: Browser, server: TestServer, user: PublicUser, errors: string[]): Promise<Page> {
  const { cookie } = await signIn(server.url, user.email)
  const [name, ...value] = cookie.split('=')
  const context = await browser.newContext()
  await context.addCookies([{ name: name!, value: value.join('='), url: server.url }])
  const page = await context.newPage()
  page.on('pageerror', (e) => errors.push(e.message))
  return page
}

/** Opens the article and waits for its text. */
async function openArticle(page: Page, server: TestServer, id: string): Promise<void> {
  await page.goto(`${server.url}/a/${id}`)
  await page.locator('.ProseMirror').getByText(SAMPLE_WORDS, { exact: false }).waitFor()
}

/** The editor's text, block by block, without the remote carets' name labels. */
const editorText = (page: Page) =>
  page.evaluate(() => {
    const clone = document.querySelector('.ProseMirror')!.cloneNode(true) as HTMLElement
    clone.querySelectorAll('.collaboration-caret__caret').forEach((caret) => caret.remove())
    return [...clone.querySelectorAll('p, h2, h3, li')].map((block) => block.textContent).join('\n\n')
  })

/** The article's text as the server stores it. */
async function storedText(server: TestServer, id: string): Promise<string> {
  const res = await api(server.url, server.token, `/api/articles/${id}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { text: string }).text
}

/** Puts the caret at the end of the n-th paragraph of the editor (as a click there would). */
async function caretAtEndOfParagraph(page: Page, n: number): Promise<void> {
  await page.locator('.ProseMirror').focus()
  await page.evaluate((index) => {
    const p = document.querySelectorAll('.ProseMirror p')[index]
    if (!p) throw new Error(`no paragraph ${index}`)
    const range = document.createRange()
    range.selectNodeContents(p)
    range.collapse(false)
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
  }, n)
  await page.waitForTimeout(50)
}

describe('roles in the browser', () => {
  it('a reviewer reads the article live but cannot change it; an editor beside them can', async () => {
    requireBuiltClient()
    const server = await startServer({ clientDist: DIST })
    const id = await createArticle(server.url, { text: readSampleArticle() })
    const editorUser = await addUser(server, { email: 'edda@test.galley', name: 'Edda Editor' })
    const reviewerUser = await addUser(server, { email: 'rosa@test.galley', name: 'Rosa Reviewer' })
    await addMember(server, id, editorUser.id, 'editor')
    await addMember(server, id, reviewerUser.id, 'reviewer')
    const browser = await launchBrowser()
    const errors: string[] = []
    const editor = await pageSignedInAs(browser, server, editorUser, errors)
    const reviewer = await pageSignedInAs(browser, server, reviewerUser, errors)
    await openArticle(editor, server, id)
    await openArticle(reviewer, server, id)

    // The reviewer's page says what they may do, and offers no way to edit.
    const banner = reviewer.getByTestId('access-banner')
    await expect.poll(() => banner.innerText(), { timeout: 10_000 }).toContain('You are a reviewer on this article')
    const body = reviewer.locator('.ProseMirror')
    expect(await body.getAttribute('contenteditable')).toBe('false')
    expect(await body.getAttribute('aria-readonly')).toBe('true')
    expect(await reviewer.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0)
    expect(await reviewer.locator('[data-meta-field="headline"]').getAttribute('readonly')).not.toBeNull()
    await expect.poll(() => reviewer.getByTestId('save-status').innerText(), { timeout: 10_000 }).toBe('Read only')
    // The editor's page has none of that.
    expect(await editor.locator('.ProseMirror').getAttribute('contenteditable')).toBe('true')
    expect(await editor.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(1)
    expect(await editor.getByTestId('access-banner').count()).toBe(0)

    // Typing into the reviewer's body (and headline) changes nothing, here or on the server.
    const before = await editorText(reviewer)
    const storedBefore = await storedText(server, id)
    await body.click()
    await reviewer.keyboard.type('Reviewer was here', { delay: 10 })
    await reviewer.keyboard.press('Enter')
    await reviewer.keyboard.press('Backspace')
    await reviewer.locator('[data-meta-field="headline"]').click()
    await reviewer.keyboard.type('Reviewer headline', { delay: 10 })
    await reviewer.waitForTimeout(500)
    expect(await editorText(reviewer)).toBe(before)
    expect(await reviewer.locator('[data-meta-field="headline"]').inputValue()).not.toContain('Reviewer headline')
    expect(await storedText(server, id)).toBe(storedBefore)
    expect(await reviewer.getByTestId('save-status').innerText()).toBe('Read only')

    // The editor's typing appears live in the reviewer's view.
    await caretAtEndOfParagraph(editor, 0)
    await editor.keyboard.type(' Edited live by the editor.', { delay: 10 })
    await expect.poll(() => editorText(reviewer), { timeout: 10_000 }).toContain('Edited live by the editor.')
    await expect.poll(() => editor.getByTestId('save-status').innerText(), { timeout: 10_000 }).toBe('All changes saved')
    const stored = await storedText(server, id)
    expect(stored).toContain('Edited live by the editor.')
    expect(stored).not.toContain('Reviewer was here')
    // Members are visible to everyone on the article, read-only for a reviewer.
    await expect.poll(() => reviewer.getByTestId('members').innerText(), { timeout: 10_000 }).toContain('Rosa Reviewer')
    expect(await reviewer.getByTestId('share-button').count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('a role change reaches the open article at once: promoted, the reviewer edits; removed, they are told and editing stops', async () => {
    requireBuiltClient()
    const server = await startServer({ clientDist: DIST })
    const id = await createArticle(server.url, { text: readSampleArticle() })
    const reviewerUser = await addUser(server, { email: 'rosa@test.galley', name: 'Rosa Reviewer' })
    await addMember(server, id, reviewerUser.id, 'reviewer')
    const browser = await launchBrowser()
    const errors: string[] = []
    const page = await pageSignedInAs(browser, server, reviewerUser, errors)
    await openArticle(page, server, id)
    const body = page.locator('.ProseMirror')
    await expect.poll(() => page.getByTestId('access-banner').count(), { timeout: 10_000 }).toBe(1)

    // The owner (the server's default user) makes them an editor: the page follows without a reload.
    const promote = await api(server.url, server.token, `/api/articles/${id}/members/${reviewerUser.id}`, {
      method: 'PUT',
      body: JSON.stringify({ role: 'editor' }),
    })
    expect(promote.status).toBe(200)
    await expect.poll(() => body.getAttribute('contenteditable'), { timeout: 10_000 }).toBe('true')
    expect(await page.getByTestId('access-banner').count()).toBe(0)
    await caretAtEndOfParagraph(page, 0)
    await page.keyboard.type(' Promoted and typing.', { delay: 10 })
    await expect.poll(() => page.getByTestId('save-status').innerText(), { timeout: 10_000 }).toBe('All changes saved')
    expect(await storedText(server, id)).toContain('Promoted and typing.')

    // Then removed: a clear message, and the editor stops being editable.
    const remove = await api(server.url, server.token, `/api/articles/${id}/members/${reviewerUser.id}`, { method: 'DELETE' })
    expect(remove.status).toBe(204)
    await expect.poll(() => page.getByTestId('access-banner').innerText(), { timeout: 10_000 }).toContain('Your access to this article was removed')
    expect(await body.getAttribute('contenteditable')).toBe('false')
    expect(await page.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('signed out, an article address leads to the sign-in page, and back to the article after signing in', async () => {
    requireBuiltClient()
    const server = await startServer({ clientDist: DIST })
    const id = await createArticle(server.url, { text: readSampleArticle() })
    const user = await addUser(server, { email: 'vik@test.galley', name: 'Viktor Viewer' })
    await addMember(server, id, user.id, 'viewer')
    const browser = await launchBrowser()
    const page = await (await browser.newContext()).newPage()
    await page.goto(`${server.url}/a/${id}`)
    await page.waitForURL((address) => address.pathname === '/signin')

    // A wrong password is refused in words, in an alert.
    await page.getByLabel('Email').fill(user.email)
    await page.getByLabel('Password').fill('not the password at all')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 10_000 }).toContain('do not match')

    await page.getByLabel('Password').fill(TEST_PASSWORD)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForURL(`${server.url}/a/${id}`)
    await page.locator('.ProseMirror').getByText(SAMPLE_WORDS, { exact: false }).waitFor()
    await expect.poll(() => page.getByTestId('access-banner').innerText(), { timeout: 10_000 }).toContain('You are a viewer')
  })
})

describe('the sign-in page in demo mode', () => {
  it('lists the demo accounts, and clicking one signs in as it', async () => {
    requireBuiltClient()
    const server = await startServer({ clientDist: DIST, demo: true, seedSample: true })
    const browser = await launchBrowser()
    const page = await (await browser.newContext()).newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${server.url}/`)
    await page.waitForURL((address) => address.pathname === '/signin')

    const table = page.getByTestId('demo-accounts')
    await table.waitFor()
    const listed = await table.locator('tbody tr').allInnerTexts()
    for (const name of ['Ada Admin', 'Olu Owner', 'Edda Editor', 'Farid Factchecker', 'Rosa Reviewer', 'Viktor Viewer']) {
      expect(listed.some((row) => row.includes(name)), `${name} is listed`).toBe(true)
    }

    await page.getByRole('button', { name: 'Sign in as Rosa Reviewer' }).click()
    await page.waitForURL(`${server.url}/`)
    await expect.poll(() => page.getByTestId('user-name').innerText(), { timeout: 10_000 }).toBe('Rosa Reviewer')
    // The sample article is listed with the demo reviewer's role on it.
    await expect.poll(() => page.locator('.article-table tbody').innerText(), { timeout: 10_000 }).toContain('Reviewer')

    // Signing out ends the session on the server and lands on the sign-in page.
    await page.getByTestId('sign-out').click()
    await page.waitForURL(`${server.url}/signin`)
    expect((await page.request.get(`${server.url}/api/auth/me`)).status()).toBe(401)
    expect(errors).toEqual([])
  })
})

describe('accounts in the browser', () => {
  it('an admin invites someone from the admin page; the link lets them choose a name and password and signs them in', async () => {
    requireBuiltClient()
    const server = await startServer({ clientDist: DIST })
    const admin = await addUser(server, { email: 'ada@test.galley', name: 'Ada Admin', isAdmin: true })
    const browser = await launchBrowser()
    const errors: string[] = []
    const adminPage = await pageSignedInAs(browser, server, admin, errors)
    await adminPage.goto(`${server.url}/admin`)
    const invite = adminPage.locator('form', { has: adminPage.getByRole('heading', { name: 'Invite someone' }) })
    await invite.getByLabel('Email').fill('nina@test.galley')
    await invite.getByRole('button', { name: 'Create invitation' }).click()
    const link = await invite.getByLabel('Sign-up link', { exact: true }).inputValue()
    expect(link).toContain(`${server.url}/signup?invitation=`)
    await expect.poll(() => adminPage.getByTestId('audit-log').innerText(), { timeout: 10_000 }).toContain('Invitation created')

    const page = await (await browser.newContext()).newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(link)
    expect(await page.getByLabel('Email').inputValue()).toBe('nina@test.galley')
    await page.getByLabel('Name').fill('Nina Newcomer')
    await page.getByLabel('Password').fill('short')
    await page.getByRole('button', { name: 'Create account' }).click()
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 10_000 }).toContain('at least 10 characters')
    await page.getByLabel('Password').fill('a long enough password')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.waitForURL(`${server.url}/`)
    await expect.poll(() => page.getByTestId('user-name').innerText(), { timeout: 10_000 }).toBe('Nina Newcomer')
    expect(errors).toEqual([])
  })
})

describe('one browser, two people', () => {
  it('when someone else signs in in another tab, an open article follows: it reopens as them, with their role', async () => {
    requireBuiltClient()
    const server = await startServer({ clientDist: DIST })
    const id = await createArticle(server.url, { text: readSampleArticle() })
    const xena = await addUser(server, { email: 'xena@test.galley', name: 'Xena Editor' })
    const yuri = await addUser(server, { email: 'yuri@test.galley', name: 'Yuri Reviewer' })
    await addMember(server, id, xena.id, 'editor')
    await addMember(server, id, yuri.id, 'reviewer')
    const browser = await launchBrowser()
    const context = await browser.newContext()
    const errors: string[] = []
    const first = await context.newPage()
    first.on('pageerror', (e) => errors.push(e.message))
    await first.goto(`${server.url}/a/${id}`)
    await first.getByLabel('Email').fill(xena.email)
    await first.getByLabel('Password').fill(TEST_PASSWORD)
    await first.getByRole('button', { name: 'Sign in', exact: true }).click()
    await first.locator('.ProseMirror[contenteditable="true"]').waitFor()

    // Yuri signs in in a second tab of the same browser (one cookie jar).
    const second = await context.newPage()
    await second.goto(`${server.url}/signin`)
    await second.getByLabel('Email').fill(yuri.email)
    await second.getByLabel('Password').fill(TEST_PASSWORD)
    await second.getByRole('button', { name: 'Sign in', exact: true }).click()
    await second.waitForURL(`${server.url}/`)
    await expect.poll(() => first.getByTestId('user-name').innerText(), { timeout: 10_000 }).toBe('Yuri Reviewer')
    await expect.poll(() => first.getByTestId('access-banner').innerText(), { timeout: 10_000 }).toContain('You are a reviewer')
    expect(await first.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false')

    // Signing out in one tab signs out the other.
    await second.getByTestId('sign-out').click()
    await first.waitForURL((address) => address.pathname === '/signin', { timeout: 10_000 })
    expect(errors).toEqual([])
  })
})

describe('a session that ends while an article is open', () => {
  it('sends the user to the sign-in page once, keeping the article to come back to, instead of reconnecting in a loop', async () => {
    requireBuiltClient()
    const server = await startServer({ clientDist: DIST })
    const id = await createArticle(server.url, { text: readSampleArticle() })
    const user = await addUser(server, { email: 'edda@test.galley', name: 'Edda Editor' })
    await addMember(server, id, user.id, 'editor')
    const { cookie } = await signIn(server.url, user.email)
    const [name, ...value] = cookie.split('=')
    const browser = await launchBrowser()
    const context = await browser.newContext()
    await context.addCookies([{ name: name!, value: value.join('='), url: server.url }])
    const page = await context.newPage()
    let sockets = 0
    page.on('websocket', () => sockets++)
    await openArticle(page, server, id)
    expect(sockets).toBe(1)

    // The session is revoked elsewhere (as signing out in another tab does): the server drops the socket.
    const revoked = await fetch(`${server.url}/api/auth/session`, { method: 'DELETE', headers: { cookie } })
    expect(revoked.status).toBe(204)
    await page.waitForURL((address) => address.pathname === '/signin', { timeout: 15_000 })
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/a/${id}`)
    // The message renders just after the navigation: wait for it rather than count at once.
    await page.getByText('Your session has ended').waitFor({ timeout: 10_000 })
    expect(await page.getByText('Your session has ended').count()).toBe(1)
    // One reconnect found the session gone; no more attempts follow.
    const attempts = sockets
    expect(attempts).toBeLessThanOrEqual(2)
    await page.waitForTimeout(3000)
    expect(sockets).toBe(attempts)
  })
})
