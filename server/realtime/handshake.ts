import type { IncomingMessage } from 'node:http'
import type { Logger } from 'pino'
import type { ExtendedError, Socket } from 'socket.io'
import { ErrorCode } from '../../shared/protocol/index.ts'
import type { AccountService } from '../accounts/accountService.ts'
import type { AuditLog } from '../accounts/auditLog.ts'
import type { Principal } from '../accounts/principal.ts'
import { secretFromHeaders } from '../http/authenticate.ts'
import type { ConnectionTracker } from './connections.ts'

/**
 * Whether a handshake's Origin may open a socket. Browsers always send Origin on a WebSocket, and
 * Socket.IO's `cors` option does not stop a WebSocket from a foreign page, so this runs in
 * `allowRequest`, before the upgrade. No Origin (scripts, Node clients) is allowed: they carry their
 * own token and no ambient cookie of a browser user. Without an allowlist, the server's own origin
 * (the Host the request was sent to) is the only one allowed.
 */
export function originAllowed(req: IncomingMessage, allowlist: readonly string[]): boolean {
  const origin = req.headers.origin
  if (origin === undefined) return true
  if (allowlist.length > 0) return allowlist.includes(origin)
  const host = req.headers.host
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`)
}

/** An error for `connect_error`: its message is the code, `data` carries code and a human message. */
function refusal(code: string, message: string): ExtendedError {
  const err = new Error(code) as ExtendedError
  err.data = { code, message }
  return err
}

export interface HandshakeDeps {
  accounts: AccountService
  connections: ConnectionTracker
  audit: AuditLog
  logger: Logger
  maxConnectionsPerUser: number
}

/**
 * The Socket.IO middleware that authenticates every connection (and every reconnection: Galley does
 * not enable connection-state recovery, so nothing skips it): `auth.token`, else the
 * `Authorization: Bearer` header, else the session cookie. Refusals reach the client as
 * `connect_error` with message `unauthorized` or `rate-limited`.
 */
export function authenticateHandshake(deps: HandshakeDeps) {
  return (socket: Socket, next: (err?: ExtendedError) => void) => {
    const auth = socket.handshake.auth as { token?: unknown } | undefined
    const secret =
      typeof auth?.token === 'string' && auth.token !== '' ? auth.token : (secretFromHeaders(socket.handshake.headers)?.secret ?? null)
    const run = async () => {
      if (secret === null) return refusal(ErrorCode.unauthorized, 'sign in first: no session cookie or token')
      const principal = await deps.accounts.authenticate(secret)
      if (!principal) return refusal(ErrorCode.unauthorized, 'the session or token is unknown, expired or revoked')
      if (deps.connections.countFor(principal.user.id) >= deps.maxConnectionsPerUser) {
        deps.audit.record('socket-refused', { actorId: principal.user.id }, { reason: 'too many connections' })
        return refusal(ErrorCode.rateLimited, `at most ${deps.maxConnectionsPerUser} connections per user`)
      }
      ;(socket.data as { principal?: Principal }).principal = principal
      deps.connections.add(socket, principal)
      socket.once('disconnect', () => deps.connections.remove(socket, principal))
      return undefined
    }
    run().then(
      (err) => next(err),
      (err: unknown) => {
        deps.logger.error({ err }, 'socket authentication failed')
        next(refusal(ErrorCode.internal, 'internal error'))
      },
    )
  }
}

/** The principal the handshake middleware put on a socket. */
export function socketPrincipal(socket: Socket): Principal {
  const principal = (socket.data as { principal?: Principal }).principal
  if (!principal) throw new RangeError('socket without a principal: authenticateHandshake did not run')
  return principal
}
