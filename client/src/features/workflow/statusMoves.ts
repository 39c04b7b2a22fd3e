import { Capability, can, type Role } from '../../../../shared/auth/roles.ts'
import { STATUS_LABELS, TRANSITIONS, type ArticleStatus } from '../../../../shared/article/workflow.ts'

/** A move the workflow has from the current status, with the words its button shows. */
export interface StatusMove {
  to: ArticleStatus
  label: string
  /** True when the user's role may make it (the server decides; this only chooses what to offer). */
  allowed: boolean
}

const AFTER_PUBLICATION: readonly ArticleStatus[] = ['published', 'corrected', 'updated']

/** The words a button says for the move `from` → `to`. */
export function moveLabel(from: ArticleStatus, to: ArticleStatus): string {
  switch (to) {
    case 'draft':
      return 'Back to draft'
    case 'in-review':
      if (from === 'draft') return 'Send to review'
      return AFTER_PUBLICATION.includes(from) ? 'Reopen for review' : 'Back to review'
    case 'fact-check':
      return 'Send to fact-check'
    case 'ready':
      return 'Mark ready to publish'
    default:
      return `Move to ${STATUS_LABELS[to]}`
  }
}

/**
 * Every move by hand the workflow has from `status` (shared/article/workflow.ts TRANSITIONS), in its
 * order, each marked whether `role` may make it. Publishing is not a move: it has its own panel.
 */
export function statusMoves(status: ArticleStatus, role: Role | null): StatusMove[] {
  return TRANSITIONS.filter((t) => t.from === status).map((t) => ({ to: t.to, label: moveLabel(status, t.to), allowed: can(role, t.capability) }))
}

/** Who may make the moves `role` may not, in words, e.g. "owners and editors"; '' when there are none. */
export function whoMayMove(status: ArticleStatus, role: Role | null): string {
  const others = TRANSITIONS.filter((t) => t.from === status && !can(role, t.capability))
  if (others.length === 0) return ''
  // checkFacts is the wider capability: when one of its moves is open to fact-checkers, say so.
  return others.some((t) => t.capability === Capability.checkFacts) ? 'fact-checkers, owners and editors' : 'owners and editors'
}
