import type { ArticleDetail, ArticleSummary, NewArticle } from '../../../../shared/article/index.ts'
import { ErrorCode, isErrorResponse, type ErrorCode as Code } from '../../../../shared/protocol/index.ts'

/** A failed API call: the server's error code and human message, or `unavailable` when it was unreachable. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly code: Code,
    message: string,
    /** The HTTP status, or 0 when no response arrived. */
    readonly status: number,
  ) {
    super(message)
  }
}

/** Sends a JSON request and returns the parsed body; throws ApiError for network and HTTP failures. */
async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, { ...init, headers: { Accept: 'application/json', ...init.headers } })
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err
    throw new ApiError(ErrorCode.unavailable, 'Could not reach the Galley server. Check your connection and try again.', 0)
  }
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    // Not JSON (a proxy error page, an empty body): reported below by status.
  }
  if (!response.ok || isErrorResponse(body)) {
    if (isErrorResponse(body)) throw new ApiError(body.error.code, body.error.message, response.status)
    const answer = `${response.status} ${response.statusText}`.trim()
    // A gateway (the dev proxy, a load balancer) answering for a server that is down.
    if (response.status === 502 || response.status === 503 || response.status === 504)
      throw new ApiError(ErrorCode.unavailable, `The Galley server is not reachable right now (${answer}). Try again in a moment.`, response.status)
    throw new ApiError(ErrorCode.internal, `The server answered ${answer}.`, response.status)
  }
  return body as T
}

/** Every article's summary, as the server lists them. */
export async function listArticles(signal?: AbortSignal): Promise<ArticleSummary[]> {
  const body = await request<unknown>('/api/articles', { signal })
  if (!Array.isArray(body)) throw new ApiError(ErrorCode.internal, 'The server sent an unexpected article list.', 200)
  return body.filter(isArticleSummary)
}

/** Creates an article (the text goes through the server's plain-text importer); resolves to its id. */
export async function createArticle(article: NewArticle): Promise<string> {
  const body = await request<{ id?: unknown }>('/api/articles', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(article),
  })
  if (typeof body.id !== 'string') throw new ApiError(ErrorCode.internal, 'The server did not say which article it created.', 201)
  return body.id
}

/** One article's record; ApiError with code `not-found` when there is no such article. */
export async function getArticle(id: string, signal?: AbortSignal): Promise<ArticleDetail> {
  return request<ArticleDetail>(`/api/articles/${encodeURIComponent(id)}`, { signal })
}

function isArticleSummary(value: unknown): value is ArticleSummary {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    typeof v.id === 'string' &&
    typeof v.headline === 'string' &&
    typeof v.status === 'string' &&
    typeof v.updatedAt === 'string' &&
    typeof v.excerpt === 'string' &&
    typeof v.wordCount === 'number'
  )
}
