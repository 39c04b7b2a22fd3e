import { Capability, can, type Role } from '../../../../shared/auth/index.ts'
import type { Author } from '../../../../shared/article/index.ts'

/**
 * What the signed-in user may do with threads, as the server rules it (docs/access.md A5): the view
 * offers only these; the server enforces them anyway.
 */

/** True when the role may open threads and reply (owners, editors, fact-checkers, reviewers). */
export function canComment(role: Role | null): boolean {
  return can(role, Capability.comment)
}

/** True when the user may edit or delete a message: their own, not deleted, and they may comment. */
export function canChangeMessage(role: Role | null, userId: string, message: { author: Author; deletedAt: string | null }): boolean {
  return canComment(role) && message.deletedAt === null && message.author.id === userId
}

/** True when the user may resolve or reopen a thread: editors (writeBody), and the thread's author. */
export function canResolve(role: Role | null, userId: string, thread: { author: Author }): boolean {
  return canComment(role) && (can(role, Capability.writeBody) || thread.author.id === userId)
}
