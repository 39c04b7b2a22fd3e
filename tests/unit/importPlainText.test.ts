import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importPlainText, isHeadingLike } from '../../shared/article/index.ts'
import { SAMPLE_ARTICLE_PATH } from '../../server/seed/sampleArticle.ts'

describe('importPlainText on the sample wire story', () => {
  const article = importPlainText(readFileSync(SAMPLE_ARTICLE_PATH, 'utf8'))

  it('takes the leading date as the dateline date, not body text', () => {
    expect(article.datelineDate).toBe('2022-01-06')
    expect(article.blocks[0]!.text.startsWith('United States Secretary of State')).toBe(true)
    expect(article.blocks.some((b) => /\bdate 2022/.test(b.text))).toBe(false)
  })

  it('finds the paragraphs, the subheading and the image credit', () => {
    expect(article.blocks.map((b) => b.type)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'subheading',
      'paragraph',
    ])
    expect(article.blocks[4]!.text).toMatch(/^US-Russia talks to discuss/)
    expect(article.imageCredit).toBe('AP')
    expect(article.blocks.at(-1)!.text).not.toMatch(/Image:/)
  })

  it('has no headline of its own', () => {
    expect(article.headline).toBe('')
  })
})

describe('importPlainText on other stories', () => {
  it('finds headline, dateline place, re-flows hard wraps, and a photo credit', () => {
    const text = [
      'Flood waters recede in river towns',
      '',
      'KYIV, Ukraine (AP) — Residents returned on Monday to homes that',
      'stood under water for a week.',
      '',
      'Officials said repairs would take months.',
      '',
      'What comes next',
      '',
      '"We will rebuild," the mayor said.',
      '',
      'Photo: Jane Doe/Reuters',
    ].join('\r\n')
    const a = importPlainText(text)
    expect(a.headline).toBe('Flood waters recede in river towns')
    expect(a.datelinePlace).toBe('Kyiv, Ukraine')
    expect(a.imageCredit).toBe('Jane Doe/Reuters')
    expect(a.datelineDate).toBe('')
    expect(a.blocks).toEqual([
      { type: 'paragraph', text: 'Residents returned on Monday to homes that stood under water for a week.' },
      { type: 'paragraph', text: 'Officials said repairs would take months.' },
      { type: 'subheading', text: 'What comes next' },
      { type: 'paragraph', text: '"We will rebuild," the mayor said.' },
    ])
  })

  it('keeps a given headline and turns a leading title line into a subheading', () => {
    const a = importPlainText('Background\n\nThe council met on Tuesday.', 'Council meets')
    expect(a.headline).toBe('Council meets')
    expect(a.blocks).toEqual([
      { type: 'subheading', text: 'Background' },
      { type: 'paragraph', text: 'The council met on Tuesday.' },
    ])
  })

  it('treats a one-paragraph text as body, not as headline', () => {
    expect(importPlainText('Short note without a stop').blocks).toEqual([{ type: 'paragraph', text: 'Short note without a stop' }])
  })

  it('handles empty text', () => {
    expect(importPlainText('  \n\n ').blocks).toEqual([])
  })

  it.each([
    ['A subheading line', true],
    ['A sentence that ends.', false],
    ['He said: “no”', true],
    ['A question?', false],
    ['“A quote that ends.”', false],
    ['Ends with a colon:', false],
  ])('isHeadingLike(%j) is %s', (line, expected) => {
    expect(isHeadingLike(line)).toBe(expected)
  })
})
