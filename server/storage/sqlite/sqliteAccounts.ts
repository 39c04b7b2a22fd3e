import type Database from 'better-sqlite3'
import { isRole, type AuditEntry, type AuditEventType, type Role } from '../../../shared/auth/index.ts'
import { ErrorCode, GalleyError } from '../../../shared/protocol/index.ts'
import type { AccountStorage, InvitationRecord, MembershipRecord, SessionRecord, UserRecord } from '../accountStorage.ts'

interface UserRow {
  id: string
  email: string
  name: string
  password_hash: string
  is_admin: number
  created_at: string
}
interface SessionRow {
  id: string
  token_hash: string
  user_id: string
  kind: 'session' | 'api'
  name: string
  created_at: string
  expires_at: string
  last_used_at: string | null
  revoked_at: string | null
}
interface InvitationRow {
  token_hash: string
  email: string
  is_admin: number
  created_by: string
  created_at: string
  expires_at: string
  used_at: string | null
}
interface MembershipRow {
  article_id: string
  user_id: string
  role: string
}
interface AuditRow {
  id: number
  at: string
  type: string
  actor_id: string | null
  article_id: string | null
  detail: string
}

const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  email: r.email,
  name: r.name,
  passwordHash: r.password_hash,
  isAdmin: r.is_admin === 1,
  createdAt: r.created_at,
})
const toSession = (r: SessionRow): SessionRecord => ({
  id: r.id,
  tokenHash: r.token_hash,
  userId: r.user_id,
  kind: r.kind,
  name: r.name,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
})
const toInvitation = (r: InvitationRow): InvitationRecord => ({
  tokenHash: r.token_hash,
  email: r.email,
  isAdmin: r.is_admin === 1,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
})
/** A stored role that is no longer known reads as the weakest one rather than failing the request. */
const toMembership = (r: MembershipRow): MembershipRecord => ({
  articleId: r.article_id,
  userId: r.user_id,
  role: isRole(r.role) ? r.role : 'viewer',
})
const toAudit = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  type: r.type as AuditEventType,
  actorId: r.actor_id,
  articleId: r.article_id,
  detail: JSON.parse(r.detail) as Record<string, unknown>,
})

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' || (err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY'

/** The SQLite implementation of AccountStorage on an open database (schema already applied). */
export function sqliteAccountStorage(db: Database.Database, assertOpen: () => void): AccountStorage {
  const stmt = {
    insertUser: db.prepare(
      'INSERT INTO users (id, email, name, password_hash, is_admin, created_at) VALUES (@id, @email, @name, @passwordHash, @isAdmin, @createdAt)',
    ),
    getUser: db.prepare('SELECT * FROM users WHERE id = ?'),
    getUserByEmail: db.prepare('SELECT * FROM users WHERE email = ?'),
    listUsers: db.prepare('SELECT * FROM users ORDER BY name, email'),
    countUsers: db.prepare('SELECT count(*) FROM users').pluck(),
    insertSession: db.prepare(
      `INSERT INTO sessions (id, token_hash, user_id, kind, name, created_at, expires_at, last_used_at, revoked_at)
       VALUES (@id, @tokenHash, @userId, @kind, @name, @createdAt, @expiresAt, @lastUsedAt, @revokedAt)`,
    ),
    getSessionByHash: db.prepare('SELECT * FROM sessions WHERE token_hash = ?'),
    getSession: db.prepare('SELECT * FROM sessions WHERE id = ?'),
    touchSession: db.prepare('UPDATE sessions SET last_used_at = ? WHERE id = ?'),
    revokeSession: db.prepare('UPDATE sessions SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?'),
    listApiTokens: db.prepare("SELECT * FROM sessions WHERE user_id = ? AND kind = 'api' AND revoked_at IS NULL ORDER BY created_at DESC"),
    insertInvitation: db.prepare(
      `INSERT INTO invitations (token_hash, email, is_admin, created_by, created_at, expires_at, used_at)
       VALUES (@tokenHash, @email, @isAdmin, @createdBy, @createdAt, @expiresAt, @usedAt)`,
    ),
    getInvitation: db.prepare('SELECT * FROM invitations WHERE token_hash = ?'),
    useInvitation: db.prepare('UPDATE invitations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL'),
    setMember: db.prepare(
      'INSERT INTO memberships (article_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT(article_id, user_id) DO UPDATE SET role = excluded.role',
    ),
    removeMember: db.prepare('DELETE FROM memberships WHERE article_id = ? AND user_id = ?'),
    listMembers: db.prepare('SELECT * FROM memberships WHERE article_id = ?'),
    getRole: db.prepare('SELECT role FROM memberships WHERE article_id = ? AND user_id = ?').pluck(),
    listMemberships: db.prepare('SELECT * FROM memberships WHERE user_id = ?'),
    insertAudit: db.prepare('INSERT INTO audit_log (at, type, actor_id, article_id, detail) VALUES (?, ?, ?, ?, ?)'),
    listAudit: db.prepare('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?'),
    loadClientIds: db.prepare('SELECT client_id, user_id FROM client_ids WHERE article_id = ?'),
    claimClientId: db.prepare('INSERT INTO client_ids (article_id, client_id, user_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
  }
  const boolInt = (b: boolean) => (b ? 1 : 0)

  const acceptTx = db.transaction((tokenHash: string, user: UserRecord, at: string) => {
    if (stmt.useInvitation.run(at, tokenHash).changes !== 1) throw new GalleyError(ErrorCode.conflict, 'this invitation was already used')
    stmt.insertUser.run({ ...user, isAdmin: boolInt(user.isAdmin) })
  })
  const claimTx = db.transaction((articleId: string, userId: string, ids: number[]) => {
    for (const id of ids) stmt.claimClientId.run(articleId, id, userId)
  })

  function insertUser(user: UserRecord): void {
    try {
      stmt.insertUser.run({ ...user, isAdmin: boolInt(user.isAdmin) })
    } catch (err) {
      if (isUniqueViolation(err)) throw new GalleyError(ErrorCode.conflict, 'an account with that email exists already')
      throw err
    }
  }

  return {
    async createUser(user) {
      assertOpen()
      insertUser(user)
    },
    async getUser(id) {
      assertOpen()
      const row = stmt.getUser.get(id) as UserRow | undefined
      return row ? toUser(row) : null
    },
    async getUserByEmail(email) {
      assertOpen()
      const row = stmt.getUserByEmail.get(email) as UserRow | undefined
      return row ? toUser(row) : null
    },
    async listUsers() {
      assertOpen()
      return (stmt.listUsers.all() as UserRow[]).map(toUser)
    },
    async countUsers() {
      assertOpen()
      return stmt.countUsers.get() as number
    },
    async createSession(session) {
      assertOpen()
      stmt.insertSession.run(session)
    },
    async getSessionByTokenHash(tokenHash) {
      assertOpen()
      const row = stmt.getSessionByHash.get(tokenHash) as SessionRow | undefined
      return row ? toSession(row) : null
    },
    async getSession(id) {
      assertOpen()
      const row = stmt.getSession.get(id) as SessionRow | undefined
      return row ? toSession(row) : null
    },
    async touchSession(id, at) {
      assertOpen()
      stmt.touchSession.run(at, id)
    },
    async revokeSession(id, at) {
      assertOpen()
      stmt.revokeSession.run(at, id)
    },
    async listApiTokens(userId) {
      assertOpen()
      return (stmt.listApiTokens.all(userId) as SessionRow[]).map(toSession)
    },
    async createInvitation(invitation) {
      assertOpen()
      stmt.insertInvitation.run({ ...invitation, isAdmin: boolInt(invitation.isAdmin) })
    },
    async getInvitation(tokenHash) {
      assertOpen()
      const row = stmt.getInvitation.get(tokenHash) as InvitationRow | undefined
      return row ? toInvitation(row) : null
    },
    async acceptInvitation(tokenHash, user, at) {
      assertOpen()
      try {
        acceptTx(tokenHash, user, at)
      } catch (err) {
        if (isUniqueViolation(err)) throw new GalleyError(ErrorCode.conflict, 'an account with that email exists already')
        throw err
      }
    },
    async setMember(articleId, userId, role: Role) {
      assertOpen()
      stmt.setMember.run(articleId, userId, role)
    },
    async removeMember(articleId, userId) {
      assertOpen()
      stmt.removeMember.run(articleId, userId)
    },
    async listMembers(articleId) {
      assertOpen()
      return (stmt.listMembers.all(articleId) as MembershipRow[]).map(toMembership)
    },
    async getRole(articleId, userId) {
      assertOpen()
      const role = stmt.getRole.get(articleId, userId) as string | undefined
      return role !== undefined && isRole(role) ? role : null
    },
    async listMemberships(userId) {
      assertOpen()
      return (stmt.listMemberships.all(userId) as MembershipRow[]).map(toMembership)
    },
    async appendAudit(entry) {
      assertOpen()
      stmt.insertAudit.run(entry.at, entry.type, entry.actorId, entry.articleId, JSON.stringify(entry.detail))
    },
    async listAudit({ limit, before }) {
      assertOpen()
      return (stmt.listAudit.all(before ?? Number.MAX_SAFE_INTEGER, limit) as AuditRow[]).map(toAudit)
    },
    async loadClientIds(articleId) {
      assertOpen()
      const rows = stmt.loadClientIds.all(articleId) as Array<{ client_id: number; user_id: string }>
      return new Map(rows.map((r) => [r.client_id, r.user_id]))
    },
    async claimClientIds(articleId, userId, clientIds) {
      assertOpen()
      claimTx(articleId, userId, clientIds)
    },
  }
}
