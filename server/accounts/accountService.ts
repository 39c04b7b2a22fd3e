import { EventEmitter } from 'node:events'
import {
  MAX_EMAIL_LENGTH,
  MAX_PASSWORD_LENGTH,
  MAX_USER_NAME_LENGTH,
  MIN_PASSWORD_LENGTH,
  type ApiTokenInfo,
  type NewApiToken,
  type NewInvitation,
  type PublicUser,
} from '../../shared/auth/index.ts'
import { ErrorCode, GalleyError } from '../../shared/protocol/index.ts'
import type { SessionRecord, Storage, UserRecord } from '../storage/index.ts'
import type { AuditLog } from './auditLog.ts'
import { hashPassword, timingDummyHash, verifyPassword } from './passwords.ts'
import { publicUser, type Principal } from './principal.ts'
import { hashSecret, newId, newSecret } from './secrets.ts'

const DAY_MS = 24 * 3600 * 1000
/** Last-used times are written at most this often per session, not on every request. */
const TOUCH_EVERY_MS = 60_000
const INVITATION_DAYS = 7
const MAX_API_TOKEN_DAYS = 366

export interface AccountServiceOptions {
  sessionTtlMs: number
}

/** A new account's fields, checked by `checkNewAccount`. */
export interface NewAccount {
  email: string
  name: string
  password: string
  isAdmin?: boolean
}

const EMAIL = /^[^\s@]+@[^\s@]+$/

/** Normalizes and checks a new account's fields; throws `bad-request` naming the problem. */
function checkNewAccount(input: NewAccount): NewAccount {
  const email = input.email.trim().toLowerCase()
  const name = input.name.trim()
  if (!EMAIL.test(email) || email.length > MAX_EMAIL_LENGTH) throw new GalleyError(ErrorCode.badRequest, 'email: not an email address')
  if (name === '' || name.length > MAX_USER_NAME_LENGTH) {
    throw new GalleyError(ErrorCode.badRequest, `name: 1–${MAX_USER_NAME_LENGTH} characters`)
  }
  if (input.password.length < MIN_PASSWORD_LENGTH || input.password.length > MAX_PASSWORD_LENGTH) {
    throw new GalleyError(ErrorCode.badRequest, `password: ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters`)
  }
  return { email, name, password: input.password, isAdmin: input.isAdmin ?? false }
}

/** Emitted when a session or token stops being valid, so open sockets using it are closed. */
export interface AccountEvents {
  sessionRevoked: [sessionId: string]
}

/**
 * Accounts, sign-in sessions, API tokens and invitations. Secrets are random 256-bit bearer tokens
 * that storage keeps only as their SHA-256; passwords are scrypt hashes (docs/access.md).
 */
export class AccountService {
  readonly events = new EventEmitter<AccountEvents>()
  private readonly lastTouched = new Map<string, number>()

  constructor(
    private readonly storage: Storage,
    private readonly audit: AuditLog,
    private readonly options: AccountServiceOptions,
  ) {}

  /** Creates an account (admins, the CLI, the demo newsroom). */
  async createUser(input: NewAccount, actorId: string | null): Promise<PublicUser> {
    const account = checkNewAccount(input)
    const user: UserRecord = {
      id: newId(),
      email: account.email,
      name: account.name,
      passwordHash: await hashPassword(account.password),
      isAdmin: account.isAdmin ?? false,
      createdAt: new Date().toISOString(),
    }
    await this.storage.createUser(user)
    this.audit.record('user-created', { actorId }, { userId: user.id, email: user.email, isAdmin: user.isAdmin })
    return publicUser(user)
  }

  /** Checks email and password and opens a session. Unknown email and wrong password fail alike. */
  async signIn(email: string, password: string, client: { ip?: string; userAgent?: string }): Promise<{ token: string; principal: Principal }> {
    const user = await this.storage.getUserByEmail(email.trim().toLowerCase())
    const ok = user ? await verifyPassword(password, user.passwordHash) : await verifyPassword(password, await timingDummyHash())
    if (!user || !ok) {
      this.audit.record('sign-in-failed', { actorId: user?.id ?? null }, { email: email.slice(0, MAX_EMAIL_LENGTH), ip: client.ip })
      throw new GalleyError(ErrorCode.unauthorized, 'wrong email or password')
    }
    const { token, session } = await this.openSession(user.id, 'session', (client.userAgent ?? '').slice(0, 200), this.options.sessionTtlMs)
    this.audit.record('sign-in', { actorId: user.id }, { ip: client.ip })
    return { token, principal: this.principal(user, session) }
  }

  /** The principal a bearer secret (cookie or token) stands for, or null when it is unknown, expired or revoked. */
  async authenticate(secret: string): Promise<Principal | null> {
    if (secret.length > 200) return null
    const session = await this.storage.getSessionByTokenHash(hashSecret(secret))
    if (!session || session.revokedAt !== null || Date.parse(session.expiresAt) <= Date.now()) return null
    const user = await this.storage.getUser(session.userId)
    if (!user) return null
    this.touch(session.id)
    return this.principal(user, session)
  }

  /** Ends a session or token; sockets using it are disconnected. */
  async revoke(principal: Principal, sessionId = principal.sessionId): Promise<void> {
    const session = await this.storage.getSession(sessionId)
    if (!session || session.userId !== principal.user.id) throw new GalleyError(ErrorCode.notFound, 'no such token')
    await this.storage.revokeSession(session.id, new Date().toISOString())
    this.audit.record(session.kind === 'api' ? 'token-revoked' : 'sign-out', { actorId: principal.user.id }, { sessionId: session.id })
    this.events.emit('sessionRevoked', session.id)
  }

  /** Creates an API token for scripts and CI; its secret is returned this once. */
  async createApiToken(principal: Principal, name: string, expiresInDays = 90): Promise<NewApiToken> {
    const days = Math.min(Math.max(1, Math.floor(expiresInDays)), MAX_API_TOKEN_DAYS)
    const { token, session } = await this.openSession(principal.user.id, 'api', name, days * DAY_MS)
    this.audit.record('token-created', { actorId: principal.user.id }, { tokenId: session.id, name, expiresAt: session.expiresAt })
    return { ...tokenInfo(session), token }
  }

  /** A user's live API tokens. */
  async listApiTokens(principal: Principal): Promise<ApiTokenInfo[]> {
    return (await this.storage.listApiTokens(principal.user.id)).map(tokenInfo)
  }

  /** Every account (admins). */
  async listUsers(): Promise<PublicUser[]> {
    return (await this.storage.listUsers()).map(publicUser)
  }

  /** Creates an invitation to sign up; its secret is returned this once. */
  async createInvitation(principal: Principal, email: string, isAdmin: boolean): Promise<NewInvitation> {
    const normalized = email.trim().toLowerCase()
    if (!EMAIL.test(normalized) || normalized.length > MAX_EMAIL_LENGTH) throw new GalleyError(ErrorCode.badRequest, 'email: not an email address')
    if (await this.storage.getUserByEmail(normalized)) throw new GalleyError(ErrorCode.conflict, 'an account with that email exists already')
    const token = newSecret('gi')
    const now = new Date()
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY_MS).toISOString()
    await this.storage.createInvitation({
      tokenHash: hashSecret(token),
      email: normalized,
      isAdmin,
      createdBy: principal.user.id,
      createdAt: now.toISOString(),
      expiresAt,
      usedAt: null,
    })
    this.audit.record('invitation-created', { actorId: principal.user.id }, { email: normalized, isAdmin })
    return { email: normalized, token, path: `/signup?invitation=${encodeURIComponent(token)}`, expiresAt }
  }

  /** The email an unused, unexpired invitation is for; throws `not-found` otherwise. */
  async invitationEmail(token: string): Promise<string> {
    const invitation = token.length <= 200 ? await this.storage.getInvitation(hashSecret(token)) : null
    if (!invitation || invitation.usedAt !== null || Date.parse(invitation.expiresAt) <= Date.now()) {
      throw new GalleyError(ErrorCode.notFound, 'this invitation is unknown, used or expired')
    }
    return invitation.email
  }

  /** Creates the invited account and signs it in. */
  async acceptInvitation(token: string, name: string, password: string, client: { ip?: string; userAgent?: string }): Promise<{ token: string; principal: Principal }> {
    const email = await this.invitationEmail(token)
    const invitation = (await this.storage.getInvitation(hashSecret(token)))!
    const account = checkNewAccount({ email, name, password, isAdmin: invitation.isAdmin })
    const user: UserRecord = {
      id: newId(),
      email: account.email,
      name: account.name,
      passwordHash: await hashPassword(account.password),
      isAdmin: invitation.isAdmin,
      createdAt: new Date().toISOString(),
    }
    await this.storage.acceptInvitation(invitation.tokenHash, user, user.createdAt)
    this.audit.record('sign-up', { actorId: user.id }, { email: user.email, invitedBy: invitation.createdBy, ip: client.ip })
    const opened = await this.openSession(user.id, 'session', (client.userAgent ?? '').slice(0, 200), this.options.sessionTtlMs)
    return { token: opened.token, principal: this.principal(user, opened.session) }
  }

  private async openSession(userId: string, kind: SessionRecord['kind'], name: string, ttlMs: number): Promise<{ token: string; session: SessionRecord }> {
    const token = newSecret(kind === 'api' ? 'gt' : 'gs')
    const now = new Date()
    const session: SessionRecord = {
      id: newId(),
      tokenHash: hashSecret(token),
      userId,
      kind,
      name,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    }
    await this.storage.createSession(session)
    return { token, session }
  }

  private principal(user: UserRecord, session: SessionRecord): Principal {
    return { user: publicUser(user), sessionId: session.id, kind: session.kind, expiresAt: session.expiresAt }
  }

  private touch(sessionId: string): void {
    const now = Date.now()
    if (now - (this.lastTouched.get(sessionId) ?? 0) < TOUCH_EVERY_MS) return
    this.lastTouched.set(sessionId, now)
    if (this.lastTouched.size > 10_000) this.lastTouched.clear()
    this.storage.touchSession(sessionId, new Date(now).toISOString()).catch(() => undefined)
  }
}

function tokenInfo(session: SessionRecord): ApiTokenInfo {
  return { id: session.id, name: session.name, createdAt: session.createdAt, expiresAt: session.expiresAt, lastUsedAt: session.lastUsedAt }
}
