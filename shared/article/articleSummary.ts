import type { Role } from '../auth/roles.ts'
import type { ArticleMeta } from './metaFields.ts'

import type { ArticleStatus } from './workflow.ts'

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

/** A row of `GET /api/articles`: the summary and the signed-in user's role (null: an admin's view of an article they have no role on). */
export interface ArticleListItem extends ArticleSummary {
  role: Role | null
}

/** An article as `GET /api/articles/:id` returns it: the summary, the user's role, its metadata and its plain text. */
export interface ArticleDetail extends ArticleSummary {
  role: Role
  meta: ArticleMeta
  /** The body as plain text (see bodyPlainText). */
  text: string
}

/** What `POST /api/articles` accepts: an optional headline and optional plain text to import. */
export interface NewArticle {
  headline?: string
  text?: string
}

/** Longest headline `POST /api/articles` accepts (characters). */
export const MAX_HEADLINE_CHARS = 500
/** Longest text `POST /api/articles` imports (characters). */
export const MAX_IMPORT_CHARS = 2_000_000
