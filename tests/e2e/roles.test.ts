import { describe, expect, it } from 'vitest'
import { readSampleArticle } from '../../server/seed/sampleArticle.ts'
import { addUser, api, memberWithRole, signIn } from '../helpers/accounts.ts'
import { launchBrowser } from '../helpers/browser.ts'
import {
  addSessionCookie,
  caretInParagraph,
  collectPageErrors,
  editorText,
  openArticle,
  openArticleAs,
  pageSignedInAs,
  pageSignedOut,
  startServerWithClient,
  submitSignIn,
  waitForSignInPage,
  waitForStoryText,
} from '../helpers/browserSession.ts'
import { articleText, createArticle } from '../helpers/testServer.ts'

describe('roles in the browser', () => {
  it('a reviewer reads the article live but cannot change it; an editor beside them can', async () => {
    const server = await startServerWithClient()
    const id = await createArticle(server.url, { text: readSampleArticle() })
    const { user: editorUser } = await memberWithRole(server, id, 'editor', 'Edda Editor')
    const { user: reviewerUser } = await memberWithRole(server, id, 'reviewer', 'Rosa Reviewer')
    const browser = await launchBrowser()
    const errors: string[] = []
    const editor = await openArticleAs(browser, server, editorUser, id, errors)
    const reviewer = await openArticleAs(browser, server, reviewerUser, id, errors)

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
    const storedBefore = await articleText(server.url, id)
    await body.click()
    await reviewer.keyboard.type('Reviewer was here', { delay: 10 })
    await reviewer.keyboard.press('Enter')
    await reviewer.keyboard.press('Backspace')
    await reviewer.locator('[data-meta-field="headline"]').click()
    await reviewer.keyboard.type('Reviewer headline', { delay: 10 })
    await reviewer.waitForTimeout(500)
    expect(await editorText(reviewer)).toBe(before)
    expect(await reviewer.locator('[data-meta-field="headline"]').inputValue()).not.toContain('Reviewer headline')
    expect(await articleText(server.url, id)).toBe(storedBefore)
    expect(await reviewer.getByTestId('save-status').innerText()).toBe('Read only')

    // The editor's typing appears live in the reviewer's view.
    await caretInParagraph(editor, 0, 'end')
    await editor.keyboard.type(' Edited live by the editor.', { delay: 10 })
    await expect.poll(() => editorText(reviewer), { timeout: 10_000 }).toContain('Edited live by the editor.')
    await expect.poll(() => editor.getByTestId('save-status').innerText(), { timeout: 10_000 }).toBe('All changes saved')
    const stored = await articleText(server.url, id)
    expect(stored).toContain('Edited live by the editor.')
    expect(stored).not.toContain('Reviewer was here')
    // Members are visible to everyone on the article, read-only for a reviewer.
    await expect.poll(() => reviewer.getByTestId('members').innerText(), { timeout: 10_000 }).toContain('Rosa Reviewer')
    expect(await reviewer.getByTestId('share-button').count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('a role change reaches the open article at once: promoted, the reviewer edits; removed, they are told and editing stops', async () => {
    const server = await startServerWithClient()
    const id = await createArticle(server.url, { text: readSampleArticle() })
    const { user: reviewerUser } = await memberWithRole(server, id, 'reviewer', 'Rosa Reviewer')
    const browser = await launchBrowser()
    const errors: string[] = []
    const page = await openArticleAs(browser, server, reviewerUser, id, errors)
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
    await caretInParagraph(page, 0, 'end')
    await page.keyboard.type(' Promoted and typing.', { delay: 10 })
    await expect.poll(() => page.getByTestId('save-status').innerText(), { timeout: 10_000 }).toBe('All changes saved')
    expect(await articleText(server.url, id)).toContain('Promoted and typing.')

    // Then removed: a clear message, and the editor stops being editable.
    const remove = await api(server.url, server.token, `/api/articles/${id}/members/${reviewerUser.id}`, { method: 'DELETE' })
    expect(remove.status).toBe(204)
    await expect.poll(() => page.getByTestId('access-banner').innerText(), { timeout: 10_000 }).toContain('Your access to this article was removed')
    expect(await body.getAttribute('contenteditable')).toBe('false')
    expect(await page.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('signed out, an article address leads to the sign-in page, and back to the article after signing in', async () => {
    const server = await startServerWithClient()
    const id = await createArticle(server.url, { text: readSampleArticle() })
    const { user } = await memberWithRole(server, id, 'viewer', 'Viktor Viewer')
    const browser = await launchBrowser()
    const page = await pageSignedOut(browser)
    await page.goto(`${server.url}/a/${id}`)
    await waitForSignInPage(page)

    // A wrong password is refused in words, in an alert.
    await submitSignIn(page, user.email, 'not the password at all')
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 10_000 }).toContain('do not match')

    await submitSignIn(page, user.email)
    await page.waitForURL(`${server.url}/a/${id}`)
    await waitForStoryText(page)
    await expect.poll(() => page.getByTestId('access-banner').innerText(), { timeout: 10_000 }).toContain('You are a viewer')
  })
})

describe('the sign-in page in demo mode', () => {
  it('lists the demo accounts, and clicking one signs in as it', async () => {
    const server = await startServerWithClient({ demo: true, seedSample: true })
    const browser = await launchBrowser()
    const errors: string[] = []
    const page = await pageSignedOut(browser, errors)
    await page.goto(`${server.url}/`)
    await waitForSignInPage(page)

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
    const server = await startServerWithClient()
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

    const page = await pageSignedOut(browser, errors)
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
    const server = await startServerWithClient()
    const id = await createArticle(server.url, { text: readSampleArticle() })
    const { user: xena } = await memberWithRole(server, id, 'editor', 'Xena Editor')
    const { user: yuri } = await memberWithRole(server, id, 'reviewer', 'Yuri Reviewer')
    const browser = await launchBrowser()
    const context = await browser.newContext()
    const errors: string[] = []
    const first = collectPageErrors(await context.newPage(), errors)
    await first.goto(`${server.url}/a/${id}`)
    await submitSignIn(first, xena.email)
    await first.locator('.ProseMirror[contenteditable="true"]').waitFor()

    // Yuri signs in in a second tab of the same browser (one cookie jar).
    const second = await context.newPage()
    await second.goto(`${server.url}/signin`)
    await submitSignIn(second, yuri.email)
    await second.waitForURL(`${server.url}/`)
    await expect.poll(() => first.getByTestId('user-name').innerText(), { timeout: 10_000 }).toBe('Yuri Reviewer')
    await expect.poll(() => first.getByTestId('access-banner').innerText(), { timeout: 10_000 }).toContain('You are a reviewer')
    expect(await first.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false')

    // Signing out in one tab signs out the other.
    await second.getByTestId('sign-out').click()
    await waitForSignInPage(first, { timeout: 10_000 })
    expect(errors).toEqual([])
  })
})

describe('a session that ends while an article is open', () => {
  it('sends the user to the sign-in page once, keeping the article to come back to, instead of reconnecting in a loop', async () => {
    const server = await startServerWithClient()
    const id = await createArticle(server.url, { text: readSampleArticle() })
    const { user } = await memberWithRole(server, id, 'editor', 'Edda Editor')
    const { cookie } = await signIn(server.url, user.email)
    const browser = await launchBrowser()
    const context = await browser.newContext()
    await addSessionCookie(context, server.url, cookie)
    const page = await context.newPage()
    let sockets = 0
    page.on('websocket', () => sockets++)
    await openArticle(page, server, id)
    expect(sockets).toBe(1)

    // The session is revoked elsewhere (as signing out in another tab does): the server drops the socket.
    const revoked = await fetch(`${server.url}/api/auth/session`, { method: 'DELETE', headers: { cookie } })
    expect(revoked.status).toBe(204)
    expect(await waitForSignInPage(page, { timeout: 15_000 })).toBe(`/a/${id}`)
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
