import { readFileSync } from 'node:fs'

/** The demo article: a real wire story, imported on first run (server/seed/sample-article.txt). */
export const SAMPLE_ARTICLE_PATH = new URL('./sample-article.txt', import.meta.url)

/** The sample article's plain text. */
export function readSampleArticle(): string {
  return readFileSync(SAMPLE_ARTICLE_PATH, 'utf8')
}
