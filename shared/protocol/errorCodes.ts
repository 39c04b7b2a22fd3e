/**
 * Every error code a client can receive, in an ack `{error: {code, message}}`, an `error` event,
 * or an HTTP 4xx/5xx JSON body. Codes are stable strings; messages are for humans.
 */
export const ErrorCode = {
  /** The payload is not what the event expects (wrong types, missing fields). */
  badRequest: 'bad-request',
  /** The bytes of a `y` message are not a y-websocket frame. */
  badFrame: 'bad-frame',
  /** The frame decoded, but Yjs cannot apply the update or state vector it carries. */
  badUpdate: 'bad-update',
  /** The awareness payload is malformed or carries fields that are not allowed. */
  badAwareness: 'bad-awareness',
  /** The message is larger than the server's configured limit. */
  tooLarge: 'too-large',
  /** No article with that id (or none the user may see). */
  notFound: 'not-found',
  /** No valid session or token: sign in first. */
  unauthorized: 'unauthorized',
  /** Signed in, but the role on this article does not allow it. */
  forbidden: 'forbidden',
  /** Too many requests or messages in a short time; retry after a moment. */
  rateLimited: 'rate-limited',
  /** The publishing gate refused: the body lists every gate item (docs/publishing.md). */
  gate: 'gate',
  /** The request conflicts with the current state (a duplicate email, the last owner, ...). */
  conflict: 'conflict',
  /** A `y` for an article the socket has not joined. */
  notJoined: 'not-joined',
  /** The update was applied in memory but could not be stored durably. */
  storageFailed: 'storage-failed',
  /** The server is shutting down; reconnect later. */
  unavailable: 'unavailable',
  /** Anything unexpected; details are in the server log, never sent to the client. */
  internal: 'internal',
} as const

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

/** The error value every boundary sends: a known code and a human message. */
export interface ErrorBody {
  code: ErrorCode
  message: string
}

/** An ack or HTTP result: success with a payload, or an error value. */
export type Response<T extends object = object> = ({ ok: true } & T) | { error: ErrorBody }

/** An expected failure with a code, thrown inside the server and mapped to an ErrorBody at its edge. */
export class GalleyError extends Error {
  override readonly name = 'GalleyError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra top-level fields of the HTTP error body, e.g. `gate` (never secrets). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
  }
}

/** True when a response carries an error. */
export function isErrorResponse(r: unknown): r is { error: ErrorBody } {
  return typeof r === 'object' && r !== null && 'error' in r && typeof (r as { error: unknown }).error === 'object'
}
