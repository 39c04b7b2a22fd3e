import { readFileSync } from 'node:fs'
import type { BrowserContextOptions, Locator } from 'playwright-core'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { getBody } from '../../shared/article/index.ts'
import { createNinjsValidator } from '../../server/publish/ninjsValidator.ts'
import { readSampleArticle } from '../../server/seed/sampleArticle.ts'
import { api, memberWithRole } from '../helpers/accounts.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { SAMPLE_WORDS, caretInParagraph, openArticleAs, startServerWithClient } from '../helpers/browserSession.ts'
import { joinedClient } from '../helpers/protocolClient.ts'
import { createArticle, type TestServer } from '../helpers/testServer.ts'

/** Words of the sample article the reviewer comments on. */
const THREAD_QUOTE = 'the first of the three such meetings'
/** The claim the editor tags and the fact-checker verifies. */
const CLAIM = 'Russia has to de-escalate tensions on the border with Ukraine'
/** What the editor adds before version 2. */
const ADDED = ' Talks resume in Geneva on Monday.'

/** Wide enough for story, comments and details; downloads kept, to read the published JSON. */
const WIDE_WITH_DOWNLOADS: BrowserContextOptions = { viewport: { width: 1400, height: 900 }, acceptDownloads: true }

/** The states of the checklist's items by id, as the page shows them (`ok`, `failing`, `overridden`). */
const gateStates = (panel: Locator) =>
  panel
    .getByTestId('gate-checklist')
    .locator(':scope > li')
    .evaluateAll((items) => Object.fromEntries(items.map((li) => [(li as HTMLElement).dataset.gateItem, (li as HTMLElement).dataset.state])))

/** Tags `CLAIM` as a claim through the editor's own socket (the `fact.create` command, docs/protocol.md P14). */
async function tagClaimAsEditor(server: TestServer, id: string, token: string): Promise<string> {
  const client = await joinedClient(server.url, id, token)
  const doc = client.doc(id)
  for (const block of getBody(doc).toArray()) {
    if (!(block instanceof Y.XmlElement)) continue
    const text = block.get(0)
    if (!(text instanceof Y.XmlText)) continue
    const plain = (text.toDelta() as Array<{ insert: string }>).map((d) => d.insert).join('')
    const at = plain.indexOf(CLAIM)
    if (at === -1) continue
    const position = (i: number) => Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i))
    const res = (await client.socket.emitWithAck('command', id, { type: 'fact.create', kind: 'claim', anchor: { start: position(at), end: position(at + CLAIM.length) } })) as { ok?: true; tagId?: string }
    expect(res).toMatchObject({ ok: true })
    client.close()
    return res.tagId!
  }
  throw new Error('the claim is not in the sample article')
}

describe('the editorial workflow and publishing in the browser', () => {
  it('an editor takes the sample story through review and fact-check, sees the checklist turn green, publishes, downloads valid JSON with the fact check, and publishes a correction', async () => {
    const server = await startServerWithClient()
    const id = await createArticle(server.url, { text: readSampleArticle() })
    const editor = await memberWithRole(server, id, 'editor', 'Edda Editor')
    const checker = await memberWithRole(server, id, 'factchecker', 'Farid Factchecker')
    const reviewer = await memberWithRole(server, id, 'reviewer', 'Rosa Reviewer')
    const browser = await launchBrowser()
    const errors: string[] = []
    const edda = await openArticleAs(browser, server, editor.user, id, errors, { context: WIDE_WITH_DOWNLOADS })
    await edda.locator('.ProseMirror[contenteditable="true"]').waitFor()

    // Draft: the status panel offers the editor "Send to review"; the checklist shows what is missing.
    const status = edda.getByTestId('article-status')
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toContain('Draft')
    const publishPanel = edda.getByTestId('publish-panel')
    const publishButton = publishPanel.getByTestId('publish-button')
    await expect.poll(() => gateStates(publishPanel), { timeout: 10_000 }).toMatchObject({ headline: 'failing', byline: 'failing', dateline: 'failing', status: 'failing' })
    expect(await publishButton.isDisabled()).toBe(true)
    expect(await edda.getByTestId('versions').innerText()).toContain('Not published yet')

    // The editor fills the headline, byline and dateline (the import kept the dateline date, if any).
    await edda.locator('[data-meta-field="headline"]').fill('Blinken: Russia must de-escalate')
    const details = edda.getByRole('region', { name: 'Details' })
    await details.getByLabel('Byline').fill('By Ada Reporter')
    await details.getByLabel('Dateline place').fill('WASHINGTON')
    const date = details.getByLabel('Dateline date')
    if ((await date.inputValue()) === '') await date.fill('2022-01-06')
    await expect.poll(() => gateStates(publishPanel), { timeout: 10_000 }).toMatchObject({ headline: 'ok', byline: 'ok', dateline: 'ok', status: 'failing' })

    // Draft → In review, with a note for the history.
    const workflow = edda.getByTestId('workflow')
    await workflow.getByLabel('Note for the history (optional)').fill('Ready for a read')
    await workflow.getByRole('button', { name: 'Send to review' }).click()
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toContain('In review')
    await expect.poll(() => workflow.getByTestId('status-history').innerText()).toMatch(/Draft\s*→\s*In review[\s\S]*Edda Editor[\s\S]*Ready for a read/)

    // A reviewer comments (through the API): the checklist lists the open thread, which may be overridden.
    const thread = await api(server.url, reviewer.token, `/api/articles/${id}/threads`, {
      method: 'POST',
      body: JSON.stringify({ body: 'Which meetings? Name them.', anchor: { quote: THREAD_QUOTE } }),
    })
    expect(thread.status).toBe(201)
    const { threadId } = (await thread.json()) as { threadId: string }
    await expect.poll(() => gateStates(publishPanel), { timeout: 10_000 }).toMatchObject({ threads: 'failing', [`thread:${threadId}`]: 'failing' })

    // Overriding works from the keyboard: Override…, a reason, Override; then withdrawn again.
    const threadItem = publishPanel.locator(`[data-gate-item="thread:${threadId}"]`)
    await threadItem.getByRole('button', { name: /^Override/ }).focus()
    await edda.keyboard.press('Enter')
    const reason = threadItem.getByLabel('Reason to publish anyway')
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true)
    await edda.keyboard.type('Answered by phone')
    await edda.keyboard.press('Tab')
    await edda.keyboard.press('Enter')
    await expect.poll(() => gateStates(publishPanel)).toMatchObject({ threads: 'ok', [`thread:${threadId}`]: 'overridden' })
    expect(await threadItem.innerText()).toContain('Overridden: Answered by phone')
    await expect.poll(() => edda.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^Withdraw the override/)
    await edda.keyboard.press('Enter')
    await expect.poll(() => gateStates(publishPanel)).toMatchObject({ threads: 'failing', [`thread:${threadId}`]: 'failing' })

    // The thread is resolved in the comments margin instead.
    const card = edda.locator(`[data-testid="comment-thread"][data-thread-id="${threadId}"]`)
    await card.getByRole('button', { name: 'Resolve' }).click()
    await expect.poll(() => gateStates(publishPanel), { timeout: 10_000 }).toMatchObject({ threads: 'ok' })
    expect(await gateStates(publishPanel)).not.toHaveProperty(`thread:${threadId}`)

    // In review → Fact-check; the editor tags a claim, which the checklist now waits for.
    await workflow.getByRole('button', { name: 'Send to fact-check' }).click()
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toContain('Fact-check')
    const tagId = await tagClaimAsEditor(server, id, editor.token)
    await expect.poll(() => gateStates(publishPanel), { timeout: 10_000 }).toMatchObject({ facts: 'failing', [`fact:${tagId}`]: 'failing' })

    // The fact-checker verifies the claim in the facts panel and moves the article to Ready.
    const farid = await openArticleAs(browser, server, checker.user, id, errors, { context: WIDE_WITH_DOWNLOADS })
    const faridWorkflow = farid.getByTestId('workflow')
    await expect.poll(() => farid.getByTestId('article-status').innerText(), { timeout: 10_000 }).toContain('Fact-check')
    expect(await farid.getByTestId('publish-panel').count()).toBe(0)
    const item = farid.getByTestId('facts-panel').locator(`[data-testid="fact-item"][data-fact-id="${tagId}"]`)
    await item.getByRole('button').first().click()
    const factCard = farid.getByTestId('fact-card')
    await factCard.getByTestId('fact-status-select').selectOption('verified')
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 10_000 }).toBe('verified')
    await faridWorkflow.getByLabel('Note for the history (optional)').fill('Claim checked against the transcript')
    await faridWorkflow.getByRole('button', { name: 'Mark ready to publish' }).click()
    await expect.poll(() => farid.getByTestId('article-status').innerText(), { timeout: 10_000 }).toContain('Ready')

    // The editor's checklist turns green, live.
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toContain('Ready')
    await expect.poll(() => publishPanel.getByTestId('gate-summary').innerText(), { timeout: 10_000 }).toContain('Every check passes')
    const states = await gateStates(publishPanel)
    expect(Object.values(states).every((s) => s === 'ok')).toBe(true)
    await expect.poll(() => publishButton.isEnabled(), { timeout: 10_000 }).toBe(true)

    // Should the server refuse (a colleague changed the article meanwhile), its own list is shown.
    await edda.route('**/api/articles/*/publish', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'gate', message: 'the article cannot be published yet: see gate' },
          gate: [{ id: 'thread:x', label: 'Open thread on “<b>late</b>”', ok: false, overridable: true }],
        }),
      }),
    )
    await publishButton.click()
    const refused = publishPanel.getByTestId('publish-refused')
    await expect.poll(() => refused.innerText(), { timeout: 10_000 }).toContain('Open thread on “<b>late</b>”')
    expect(await refused.locator('b').count()).toBe(0)
    await edda.unroute('**/api/articles/*/publish')

    // Publish version 1 with a note: the page says so, the status follows, the version is listed.
    await publishPanel.getByLabel('Correction note (optional)').fill('First edition.')
    await publishButton.click()
    await expect.poll(() => publishPanel.getByTestId('publish-outcome').innerText(), { timeout: 10_000 }).toContain('Published version 1')
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toContain('Published')
    await expect.poll(() => workflow.getByTestId('status-history').innerText()).toMatch(/Published: version 1[\s\S]*Edda Editor[\s\S]*First edition\./)
    const versions = edda.getByTestId('versions')
    const v1 = versions.locator('[data-version="1"]')
    await expect.poll(() => v1.innerText(), { timeout: 10_000 }).toContain('by Edda Editor')
    expect(await v1.innerText()).toContain('First edition.')
    // The fact-checker's page lists it too, live.
    await expect.poll(() => farid.getByTestId('versions').locator('[data-version="1"]').count(), { timeout: 10_000 }).toBe(1)

    // Download version 1: valid against the Galley schema, carrying the verified claim and the note.
    const [download] = await Promise.all([edda.waitForEvent('download'), v1.getByRole('link', { name: 'Download version 1 (Galley JSON)' }).click()])
    expect(download.suggestedFilename()).toBe(`${id}-v1-galley.json`)
    const downloaded = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>
    const validator = createNinjsValidator()
    expect(validator.problems('galley', downloaded)).toEqual([])
    expect(downloaded).toMatchObject({ version: '1', edNote: 'First edition.', by: 'By Ada Reporter', located: 'WASHINGTON', headlines: expect.arrayContaining([{ role: 'main', value: 'Blinken: Russia must de-escalate' }]) })
    expect(downloaded.factChecks).toEqual([expect.objectContaining({ id: tagId, kind: 'claim', status: 'verified', text: CLAIM, verifiedBy: 'Farid Factchecker' })])

    // View it: pretty-printed JSON as text, in either profile.
    await v1.getByRole('button', { name: 'View version 1' }).click()
    const viewer = edda.getByTestId('version-viewer')
    const json = viewer.getByTestId('version-json')
    await expect.poll(() => json.innerText(), { timeout: 10_000 }).toContain('"factChecks": [')
    expect(JSON.parse(await json.innerText())).toEqual(downloaded)
    await viewer.getByRole('radio', { name: /^ninjs/ }).check()
    await expect.poll(() => json.innerText(), { timeout: 10_000 }).not.toContain('"factChecks"')
    expect(validator.problems('ninjs', JSON.parse(await json.innerText()))).toEqual([])
    expect(await viewer.getByTestId('download-version').getAttribute('href')).toBe(`/api/articles/${id}/published/1?profile=ninjs&download=1`)
    await edda.keyboard.press('Escape')
    await viewer.waitFor({ state: 'detached' })

    // The editor adds a sentence and publishes version 2 with a correction note: Corrected.
    await caretInParagraph(edda, SAMPLE_WORDS, 'end')
    await edda.keyboard.type(ADDED, { delay: 5 })
    await expect.poll(() => edda.getByTestId('save-status').innerText(), { timeout: 10_000 }).toBe('All changes saved')
    await expect.poll(() => publishButton.isEnabled(), { timeout: 10_000 }).toBe(true)
    await publishPanel.getByLabel('Correction note (optional)').fill('Adds the date of the next talks.')
    await publishButton.click()
    await expect.poll(() => publishPanel.getByTestId('publish-outcome').innerText(), { timeout: 10_000 }).toContain('Published version 2')
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toContain('Corrected')
    await expect.poll(() => versions.locator('[data-version="2"]').innerText(), { timeout: 10_000 }).toContain('Adds the date of the next talks.')

    // Compare the text of versions 1 and 2: the added words, marked as added, as text.
    await versions.getByLabel('From').selectOption('1')
    await versions.getByLabel('To').selectOption('2')
    await versions.getByRole('button', { name: 'Compare' }).click()
    const diff = edda.getByTestId('version-diff')
    await expect.poll(() => diff.getByTestId('diff-summary').innerText(), { timeout: 10_000 }).toMatch(/words? added/)
    const inserted = (await diff.locator('ins').allInnerTexts()).join('')
    expect(inserted).toContain('Geneva on Monday.')
    expect(await diff.locator('del').count()).toBe(0)
    await diff.getByRole('button', { name: 'Close' }).click()

    // The article list shows the status.
    await edda.goto(`${server.url}/`)
    const row = edda.locator(`.article-table tr[data-article-id="${id}"]`)
    await expect.poll(() => row.locator('.status-badge').innerText(), { timeout: 10_000 }).toBe('Corrected')
    expect(errors).toEqual([])
  })
})
