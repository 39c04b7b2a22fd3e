import { ErrorCode, isErrorResponse } from '../../../shared/protocol/index.ts'
import { ApiError } from './apiError.ts'
import { reportSessionEnded } from './sessionEnded.ts'

/** Options of apiRequest besides fetch's own. */
export interface ApiRequestInit extends Omit<RequestInit, 'body'> {
  /** A value to send as the JSON body. */
  json?: unknown
  /**
   * True for the calls that ask whether there is a session at all (who am I, sign in): their 401 is
   * an answer, not the news that a session ended.
   */
  authProbe?: boolean
}

/**
 * Sends a request to this origin's API with the session cookie (`credentials: 'same-origin'`; the
 * cookie is HttpOnly, the client never reads it) and returns the parsed JSON body, or undefined for
 * 204. Throws ApiError for network and HTTP failures, with the server's `{error: {code, message}}`
 * when it sent one. A 401 elsewhere than an auth probe also reports the session as ended.
 */
export async function apiRequest<T>(path: string, { json, authProbe = false, ...init }: ApiRequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (json !== undefined) headers['Content-Type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, {
      ...init,
      credentials: 'same-origin',
      headers: { ...headers, ...(init.headers as Record<string, string> | undefined) },
      body: json === undefined ? undefined : JSON.stringify(json),
    })
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err
    throw new ApiError(ErrorCode.unavailable, 'Could not reach the Galley server. Check your connection and try again.', 0)
  }
  if (response.status === 204) return undefined as T
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    // Not JSON (a proxy error page, an empty body): reported below by status.
  }
  if (response.ok && !isErrorResponse(body)) return body as T

  if (response.status === 401 && !authProbe) reportSessionEnded()
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10)
  const wait = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null
  if (isErrorResponse(body)) {
    const { error, ...details } = body as { error: { code: ErrorCode; message: string } } & Record<string, unknown>
    throw new ApiError(error.code, error.message, response.status, wait, details)
  }
  const answer = `${response.status} ${response.statusText}`.trim()
  if (response.status === 401) throw new ApiError(ErrorCode.unauthorized, 'Sign in to continue.', 401)
  // A gateway (the dev proxy, a load balancer) answering for a server that is down.
  if (response.status === 502 || response.status === 503 || response.status === 504)
    throw new ApiError(ErrorCode.unavailable, `The Galley server is not reachable right now (${answer}). Try again in a moment.`, response.status)
  throw new ApiError(ErrorCode.internal, `The server answered ${answer}.`, response.status)
}

/** An array from the server, keeping only the elements `isItem` accepts (never trust a peer's shape). */
export function arrayOf<T>(body: unknown, isItem: (value: unknown) => value is T, what: string): T[] {
  if (!Array.isArray(body)) throw new ApiError(ErrorCode.internal, `The server sent an unexpected ${what}.`, 200)
  return body.filter(isItem)
}

/** True for a non-null object, to read fields from. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
