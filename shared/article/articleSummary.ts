/** Where an article stands in the newsroom's workflow (the workflow issue adds transitions). */
export const ARTICLE_STATUSES = ['draft'] as const
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number]

/** One row of the article list, as `GET /api/articles` returns it. Times are ISO 8601. */
export interface ArticleSummary {
  id: string
  headline: string
  status: ArticleStatus
  createdAt: string
  updatedAt: string
  /** The first words of the body, for articles without a headline yet. */
  excerpt: string
  wordCount: number
}
