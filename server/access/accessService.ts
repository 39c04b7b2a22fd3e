import { EventEmitter } from 'node:events'
import { Capability, can, type ArticleMember, type Role } from '../../shared/auth/index.ts'
import { ErrorCode, GalleyError, isArticleId } from '../../shared/protocol/index.ts'
import type { AuditLog } from '../accounts/auditLog.ts'
import type { Principal } from '../accounts/principal.ts'
import type { Storage } from '../storage/index.ts'

/** Emitted when a user's role on an article changes; `role: null` when it was removed. */
export interface AccessEvents {
  roleChanged: [articleId: string, userId: string, role: Role | null]
}

/** The answer for an article a user may not see: the same as for one that does not exist (no id leaks). */
export function noSuchArticle(): GalleyError {
  return new GalleyError(ErrorCode.notFound, 'no such article')
}

/**
 * Who may do what on which article: roles per article (docs/access.md). Every REST route and socket
 * event asks here; members are managed by the article's owners and by admins.
 */
export class AccessService {
  readonly events = new EventEmitter<AccessEvents>()

  constructor(
    private readonly storage: Storage,
    private readonly audit: AuditLog,
  ) {}

  /** The user's role on an article, or null (also for an id that is not an article). */
  async roleOf(articleId: string, userId: string): Promise<Role | null> {
    if (!isArticleId(articleId)) return null
    return this.storage.getRole(articleId, userId)
  }

  /** The user's role, which must allow `capability`. No role → `not-found`; a role that may not → `forbidden`. */
  async require(principal: Principal, articleId: string, capability: Capability): Promise<Role> {
    const role = await this.roleOf(articleId, principal.user.id)
    if (role === null) throw noSuchArticle()
    if (!can(role, capability)) throw new GalleyError(ErrorCode.forbidden, `a ${role} may not do this`)
    return role
  }

  /** Owners manage members, and admins on any article that exists. */
  private async requireManager(principal: Principal, articleId: string): Promise<void> {
    if (principal.user.isAdmin) {
      if (!isArticleId(articleId) || !(await this.storage.getArticle(articleId))) throw noSuchArticle()
      return
    }
    await this.require(principal, articleId, Capability.manageMembers)
  }

  /** The members of an article: for anyone with a role on it, and admins. */
  async listMembers(principal: Principal, articleId: string): Promise<ArticleMember[]> {
    if (principal.user.isAdmin) await this.requireManager(principal, articleId)
    else await this.require(principal, articleId, Capability.read)
    const members = await this.storage.listMembers(articleId)
    const rows = await Promise.all(
      members.map(async (m) => {
        const user = await this.storage.getUser(m.userId)
        return user ? { userId: user.id, email: user.email, name: user.name, role: m.role } : null
      }),
    )
    return rows.filter((r): r is ArticleMember => r !== null).sort((a, b) => a.name.localeCompare(b.name))
  }

  /** Gives a user (by email) a role on an article, or changes it. */
  async addMemberByEmail(principal: Principal, articleId: string, email: string, role: Role): Promise<ArticleMember> {
    await this.requireManager(principal, articleId)
    const user = await this.storage.getUserByEmail(email.trim().toLowerCase())
    if (!user) throw new GalleyError(ErrorCode.notFound, 'no account with that email; an admin can invite them')
    return this.setRole(principal, articleId, user.id, role)
  }

  /** Sets a member's role. Refuses to leave the article without an owner. */
  async setRole(principal: Principal, articleId: string, userId: string, role: Role): Promise<ArticleMember> {
    await this.requireManager(principal, articleId)
    const user = await this.storage.getUser(userId)
    if (!user) throw new GalleyError(ErrorCode.notFound, 'no such user')
    const before = await this.storage.getRole(articleId, userId)
    if (before === 'owner' && role !== 'owner') await this.keepAnOwner(articleId, userId)
    await this.storage.setMember(articleId, userId, role)
    if (before !== role) {
      this.audit.record('role-changed', { actorId: principal.user.id, articleId }, { userId, from: before, to: role })
      this.events.emit('roleChanged', articleId, userId, role)
    }
    return { userId, email: user.email, name: user.name, role }
  }

  /** Removes a member. Refuses to remove the last owner. */
  async removeMember(principal: Principal, articleId: string, userId: string): Promise<void> {
    await this.requireManager(principal, articleId)
    const before = await this.storage.getRole(articleId, userId)
    if (before === null) throw new GalleyError(ErrorCode.notFound, 'not a member of this article')
    if (before === 'owner') await this.keepAnOwner(articleId, userId)
    await this.storage.removeMember(articleId, userId)
    this.audit.record('member-removed', { actorId: principal.user.id, articleId }, { userId, role: before })
    this.events.emit('roleChanged', articleId, userId, null)
  }

  private async keepAnOwner(articleId: string, leavingUserId: string): Promise<void> {
    const owners = (await this.storage.listMembers(articleId)).filter((m) => m.role === 'owner' && m.userId !== leavingUserId)
    if (owners.length === 0) throw new GalleyError(ErrorCode.conflict, 'an article needs at least one owner')
  }
}
