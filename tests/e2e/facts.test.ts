import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { FactRecord } from '../../shared/article/index.ts'
import { api, memberWithRole } from '../helpers/accounts.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { openArticleAs, selectInStory, startServerWithClient } from '../helpers/browserSession.ts'
import { createArticle, type TestServer } from '../helpers/testServer.ts'

const STORY = 'Mayor Ana Ruiz said the city will hire 300 teachers in March.\n\nRuiz spoke in Lisbon on Tuesday. “We will not wait,” Ruiz said.'
const CLAIM = 'the city will hire 300 teachers in March'
/** Words of STORY: once the editor shows them, the article has loaded. */
const STORY_WORDS = 'Mayor Ana Ruiz'
/** The verified colour of docs/facts.md's legend (styles.css .fact-tag-line--verified, #15803d). */
const VERIFIED_COLOR = 'rgb(21, 128, 61)'

/** The tagged spans of the story: their words (joined per tag) and status, by tag id. */
const taggedSpans = (page: Page) =>
  page.evaluate(() => {
    const tags: Record<string, { text: string; status: string; color: string; style: string }> = {}
    for (const el of document.querySelectorAll<HTMLElement>('.ProseMirror [data-fact-tag-id]')) {
      const id = el.dataset.factTagId!
      const style = getComputedStyle(el)
      const entry = (tags[id] ??= { text: '', status: el.dataset.factStatus!, color: style.textDecorationColor, style: style.textDecorationStyle })
      entry.text += el.textContent
    }
    return Object.values(tags)
  })

async function factsOf(server: TestServer, id: string): Promise<Array<FactRecord & { text: string | null }>> {
  return (await (await api(server.url, server.token, `/api/articles/${id}/facts`)).json()) as Array<FactRecord & { text: string | null }>
}

describe('fact tagging in two browsers (docs/facts.md)', () => {
  it('an editor tags a claim; a fact-checker verifies it with a source; the editor sees the verified underline and record live; an accepted suggestion appears in the other browser', async () => {
    const server = await startServerWithClient()
    const id = await createArticle(server.url, { text: STORY })
    const { user: editorUser } = await memberWithRole(server, id, 'editor', 'Edda Editor')
    const { user: checkerUser } = await memberWithRole(server, id, 'factchecker', 'Fay Checker')
    const browser = await launchBrowser()
    const errors: string[] = []
    const editor = await openArticleAs(browser, server, editorUser, id, errors, { words: STORY_WORDS })
    const checker = await openArticleAs(browser, server, checkerUser, id, errors, { words: STORY_WORDS })
    await editor.locator('.ProseMirror[contenteditable="true"]').waitFor()

    // The fact-checker may check but not tag: no toolbar, no Find facts.
    await expect.poll(() => checker.getByTestId('facts-panel').innerText(), { timeout: 10_000 }).toContain('No tags yet')
    expect(await checker.getByRole('button', { name: 'Tag fact' }).count()).toBe(0)
    expect(await checker.getByTestId('find-facts').count()).toBe(0)

    // 1. The editor selects the claim and tags it from the keyboard: Ctrl+Shift+F, then the kind menu.
    await selectInStory(editor, CLAIM)
    await expect.poll(() => editor.getByRole('button', { name: 'Tag fact' }).isEnabled(), { timeout: 5000 }).toBe(true)
    await editor.keyboard.press('Control+Shift+F')
    const menu = editor.getByRole('menu')
    await menu.waitFor()
    await expect.poll(() => editor.evaluate(() => document.activeElement?.getAttribute('data-kind'))).toBe('claim')
    await editor.keyboard.press('ArrowDown')
    await editor.keyboard.press('ArrowUp')
    await editor.keyboard.press('Enter')
    await menu.waitFor({ state: 'detached', timeout: 10_000 })
    await expect.poll(() => taggedSpans(editor), { timeout: 10_000 }).toEqual([expect.objectContaining({ text: CLAIM, status: 'unverified' })])
    const editorItem = editor.getByTestId('facts-panel').getByTestId('fact-item')
    await expect.poll(() => editorItem.getAttribute('data-status'), { timeout: 10_000 }).toBe('unverified')

    // 2. The fact-checker sees it live, opens it from the panel, adds a source and verifies it.
    const checkerItem = checker.getByTestId('facts-panel').getByTestId('fact-item')
    await expect.poll(() => checkerItem.innerText(), { timeout: 10_000 }).toContain(CLAIM)
    await checkerItem.getByRole('button').click()
    const card = checker.getByTestId('fact-card')
    await card.waitFor()
    expect(await card.getByRole('button', { name: /Delete/ }).count()).toBe(0)
    await card.getByRole('button', { name: 'Add source' }).click()
    const sourceForm = card.getByRole('form', { name: 'Add a source' })
    await sourceForm.getByLabel('Address').fill('javascript:alert(1)')
    await sourceForm.getByLabel('Title').fill('City budget 2026')
    await sourceForm.getByRole('button', { name: 'Add' }).click()
    await expect.poll(() => sourceForm.getByRole('alert').innerText()).toContain('http')
    await sourceForm.getByLabel('Address').fill('https://city.example/budget')
    await sourceForm.getByLabel('Note').fill('p. 12')
    await sourceForm.getByRole('button', { name: 'Add' }).click()
    await expect.poll(() => card.getByTestId('fact-sources').innerText(), { timeout: 10_000 }).toContain('City budget 2026')
    await card.getByTestId('fact-status-select').selectOption('verified')
    await expect.poll(() => card.locator('.fact-card__header').innerText(), { timeout: 10_000 }).toContain('Verified')

    // 3. The editor's browser shows the verified underline and the record in its panel, with who did it.
    await expect
      .poll(() => taggedSpans(editor), { timeout: 10_000 })
      .toEqual([{ text: CLAIM, status: 'verified', color: VERIFIED_COLOR, style: 'solid' }])
    await expect.poll(() => editorItem.getAttribute('data-status'), { timeout: 10_000 }).toBe('verified')
    const panel = editor.getByTestId('facts-panel')
    expect(await panel.getByTestId('fact-progress').innerText()).toContain('1 of 1 claims and quotes verified')
    expect(await panel.getByTestId('fact-last-change').innerText()).toContain('Fay Checker')
    // Its card, opened by clicking the underlined words, holds the checker's source.
    await editor.locator('.ProseMirror [data-fact-tag-id]').first().click()
    const editorCard = editor.getByTestId('fact-card')
    await expect.poll(() => editorCard.getByTestId('fact-sources').innerText(), { timeout: 10_000 }).toContain('City budget 2026')
    await editorCard.getByRole('button', { name: 'Close the fact card' }).click()
    const [stored] = await factsOf(server, id)
    expect(stored).toMatchObject({ kind: 'claim', status: 'verified', verifiedText: CLAIM, verifiedBy: { name: 'Fay Checker' } })
    expect(stored!.sources).toEqual([{ url: 'https://city.example/budget', title: 'City budget 2026', note: 'p. 12', accessedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }])

    // Clear formatting takes bold away and leaves the tag.
    await selectInStory(editor, 'hire 300')
    await editor.keyboard.press('Control+B')
    await expect.poll(() => editor.locator('.ProseMirror strong').count()).toBe(1)
    await editor.getByRole('button', { name: 'Clear formatting' }).click()
    await expect.poll(() => editor.locator('.ProseMirror strong').count()).toBe(0)
    expect(await taggedSpans(editor)).toEqual([expect.objectContaining({ text: CLAIM, status: 'verified' })])

    // The toolbar's Tag fact does the same with the mouse.
    await selectInStory(editor, 'Mayor')
    await editor.getByRole('button', { name: 'Tag fact' }).click()
    await editor.getByRole('menuitem', { name: /^Other/ }).click()
    await expect.poll(() => taggedSpans(checker), { timeout: 10_000 }).toContainEqual(expect.objectContaining({ text: 'Mayor', status: 'unverified' }))

    // 4. Suggestions: Find facts shows dashed highlights and a list; accepting one in the editor's
    // browser makes a tag the fact-checker sees at once; a dismissed one goes.
    await editor.getByTestId('find-facts').click()
    const suggestions = editor.getByTestId('fact-suggestions')
    await expect.poll(() => suggestions.innerText(), { timeout: 10_000 }).toContain('Lisbon')
    expect(await editor.locator('.ProseMirror .fact-suggestion').count()).toBeGreaterThan(3)
    await suggestions.getByRole('button', { name: 'Accept place “Lisbon”' }).click()
    await expect
      .poll(() => taggedSpans(checker), { timeout: 10_000 })
      .toContainEqual(expect.objectContaining({ text: 'Lisbon', status: 'unverified' }))
    await expect.poll(() => checker.getByTestId('facts-panel').innerText(), { timeout: 10_000 }).toContain('Places')
    await expect.poll(() => suggestions.innerText()).not.toContain('Lisbon')
    // Hovering a tag shows its card; moving away closes it.
    await editor.locator('.ProseMirror [data-fact-tag-id]', { hasText: 'Lisbon' }).hover()
    await expect.poll(() => editor.getByTestId('fact-card').innerText(), { timeout: 5_000 }).toContain('Place')
    await editor.mouse.move(5, 700)
    await expect.poll(() => editor.getByTestId('fact-card').count(), { timeout: 5_000 }).toBe(0)
    await suggestions.getByRole('button', { name: 'Accept person “Ana Ruiz”' }).click()
    await suggestions.getByRole('button', { name: 'Accept quote “We will not wait”' }).click()
    await expect.poll(async () => (await factsOf(server, id)).find((f) => f.kind === 'quote')?.speaker, { timeout: 10_000 }).toEqual({
      tagId: (await factsOf(server, id)).find((f) => f.kind === 'person')?.id,
      name: 'Ana Ruiz',
    })
    await suggestions.getByRole('button', { name: 'Dismiss date “Tuesday”' }).click()
    await expect.poll(() => suggestions.innerText(), { timeout: 10_000 }).not.toContain('Tuesday')
    const again = (await (await api(server.url, server.token, `/api/articles/${id}/suggestions`)).json()) as Array<{ text: string }>
    expect(again.map((s) => s.text)).not.toContain('Tuesday')

    // 5. The editor changes a verified word: Galley sets needs-recheck, and the checker's open card
    // shows the verified words beside the words now.
    await selectInStory(editor, '300')
    await editor.keyboard.type('350', { delay: 20 })
    await expect
      .poll(async () => (await taggedSpans(checker)).find((t) => t.text.startsWith('the city')), { timeout: 10_000 })
      .toMatchObject({ text: CLAIM.replace('300', '350'), status: 'needs-recheck', style: 'wavy' })
    const recheck = card.getByRole('note')
    await expect.poll(() => recheck.innerText(), { timeout: 10_000 }).toContain(`Now\n${CLAIM.replace('300', '350')}`)
    expect(await recheck.innerText()).toContain(`Verified by Fay Checker just now\n${CLAIM}`)
    await expect.poll(() => panel.getByTestId('fact-progress').innerText()).toContain('0 of 2 claims and quotes verified')
    expect(errors).toEqual([])
  })
})
