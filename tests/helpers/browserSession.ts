import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import type { PublicUser } from '../../shared/auth/index.ts'
import type { Config } from '../../server/config.ts'
import { TEST_PASSWORD, signIn } from './accounts.ts'
import { startServer, type TestServer } from './testServer.ts'

/** The built client (`npm run build`) that browser tests' servers serve. */
export const CLIENT_DIST = path.resolve(import.meta.dirname, '../../client/dist')

/** Words of the sample article (server/seed): once the editor shows them, the article has loaded. */
export const SAMPLE_WORDS = 'United States Secretary of State'

/** Starts a test server (see startServer) that serves the built client; throws if it has not been built. */
export async function startServerWithClient(overrides: Partial<Config> = {}): Promise<TestServer> {
  if (!existsSync(path.join(CLIENT_DIST, 'index.html'))) throw new Error('client/dist is missing: run `npm run build` first')
  return startServer({ clientDist: CLIENT_DIST, ...overrides })
}

/** Records the page's uncaught errors in `errors` (which a test expects to stay empty); returns the page. */
export function collectPageErrors(page: Page, errors: string[]): Page {
  page.on('pageerror', (e) => errors.push(e.message))
  return page
}

/** Puts a `name=value` session cookie pair (as signIn returns it) into the context, for the server at `url`. */
export async function addSessionCookie(context: BrowserContext, url: string, cookie: string): Promise<void> {
  const [name, ...value] = cookie.split('=')
  await context.addCookies([{ name: name!, value: value.join('='), url }])
}

/** A page in a new browser context with no session; its errors go to `errors` when given. */
export async function pageSignedOut(browser: Browser, errors?: string[]): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  return errors ? collectPageErrors(page, errors) : page
}

/** A page in a new browser context (made with `options`), signed in as `user` with the session cookie the API hands out; its errors go to `errors`. */
export async function pageSignedInAs(
  browser: Browser,
  server: TestServer,
  user: Pick<PublicUser, 'email'>,
  errors: string[],
  options: BrowserContextOptions = {},
): Promise<Page> {
  const { cookie } = await signIn(server.url, user.email)
  const context = await browser.newContext(options)
  await addSessionCookie(context, server.url, cookie)
  return collectPageErrors(await context.newPage(), errors)
}

/** A page like pageSignedInAs's (its context made with `options.context`), with the article open and showing `options.words` (by default the sample article's). */
export async function openArticleAs(
  browser: Browser,
  server: TestServer,
  user: Pick<PublicUser, 'email'>,
  id: string,
  errors: string[],
  options: { context?: BrowserContextOptions; words?: string } = {},
): Promise<Page> {
  const page = await pageSignedInAs(browser, server, user, errors, options.context)
  await openArticle(page, server, id, options.words)
  return page
}

/** Fills the sign-in page's form with `email` and `password` and submits it (it does not wait for the outcome). */
export async function submitSignIn(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

/** Waits until the page is on the sign-in page; returns the path it will go back to after signing in (`next`), if any. */
export async function waitForSignInPage(page: Page, options: { timeout?: number } = {}): Promise<string | null> {
  await page.waitForURL((address) => address.pathname === '/signin', options)
  return new URL(page.url()).searchParams.get('next')
}

/** Waits until the editor shows `words` (by default the sample article's). */
export async function waitForStoryText(page: Page, words = SAMPLE_WORDS): Promise<void> {
  await page.locator('.ProseMirror').getByText(words, { exact: false }).waitFor()
}

/** Opens the article at `/a/:id` and waits until the editor shows `words` (by default the sample article's). */
export async function openArticle(page: Page, server: TestServer, id: string, words = SAMPLE_WORDS): Promise<void> {
  await page.goto(`${server.url}/a/${id}`)
  await waitForStoryText(page, words)
}

/** The editor's text, block by block (a blank line between blocks), without colleagues' caret labels. */
export function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.querySelector('.ProseMirror')!.cloneNode(true) as HTMLElement
    clone.querySelectorAll('.collaboration-caret__caret').forEach((caret) => caret.remove())
    return [...clone.querySelectorAll('p, h2, h3, li')].map((block) => block.textContent).join('\n\n')
  })
}

/**
 * Puts the caret at the start or end of a paragraph of the story — the n-th, or the first that
 * contains the given words — as a click there would, and waits until the editor has read it.
 */
export function caretInParagraph(page: Page, paragraph: number | string, edge: 'start' | 'end'): Promise<void> {
  return placeSelection(page, { paragraph, atStart: edge === 'start' })
}

/**
 * Selects characters `from`…`to` of the first occurrence of `text` in the story (as a drag of the
 * mouse would; collapsed when from = to), skipping colleagues' caret labels, and waits until the
 * editor has read it.
 */
export function selectInStory(page: Page, text: string, from = 0, to = text.length): Promise<void> {
  return placeSelection(page, { text, from, to })
}

/** Where placeSelection puts the selection: an edge of a paragraph, or a stretch of the story's text. */
type StorySpot = { paragraph: number | string; atStart: boolean } | { text: string; from: number; to: number }

/**
 * Sets the story's DOM selection (focusing the editor first when it is editable, as a click would)
 * and resolves once ProseMirror has read it. ProseMirror reads the selection in its `selectionchange`
 * listener, so waiting for that event (and the rest of its dispatch) replaces a guessed pause.
 */
async function placeSelection(page: Page, spot: StorySpot): Promise<void> {
  await page.evaluate(async (where) => {
    const root = document.querySelector<HTMLElement>('.ProseMirror')!
    const range = document.createRange()
    if ('paragraph' in where) {
      const paragraphs = [...root.querySelectorAll('p')]
      const p = typeof where.paragraph === 'number' ? paragraphs[where.paragraph] : paragraphs.find((el) => el.textContent?.includes(where.paragraph as string))
      if (!p) throw new Error(`no paragraph ${JSON.stringify(where.paragraph)}`)
      range.selectNodeContents(p)
      range.collapse(where.atStart)
    } else {
      const nodes: Text[] = []
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement?.closest('.collaboration-caret__caret')) nodes.push(node as Text)
      }
      // Text nodes of one paragraph in a row; look for the text across them.
      const full = nodes.map((n) => n.data).join('')
      const at = full.indexOf(where.text)
      if (at === -1) throw new Error(`"${where.text}" is not in the story`)
      const locate = (offset: number): [Text, number] => {
        let seen = 0
        for (const node of nodes) {
          if (offset <= seen + node.data.length) return [node, offset - seen]
          seen += node.data.length
        }
        throw new Error('offset beyond the story')
      }
      range.setStart(...locate(at + where.from))
      range.setEnd(...locate(at + where.to))
    }
    // The editor's own listener may come before or after this one; a task later, both have run.
    const read = new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error('the selection change was never reported')), 5000)
      document.addEventListener('selectionchange', () => setTimeout(() => (clearTimeout(deadline), resolve()), 0), { once: true })
    })
    if (root.isContentEditable) root.focus()
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
    await read
  }, spot)
}
