/** Default upper bound on one `y` message, in bytes (2 MB): fits a long offline catch-up. */
export const DEFAULT_MAX_MESSAGE_BYTES = 2 * 1024 * 1024

/** Article ids: url-safe, 1–64 characters. Anything else is refused before a lookup. */
export const ARTICLE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/** True when `id` has the shape of an article id. */
export function isArticleId(id: unknown): id is string {
  return typeof id === 'string' && ARTICLE_ID_PATTERN.test(id)
}
