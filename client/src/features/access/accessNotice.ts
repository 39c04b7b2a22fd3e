import { Capability, ROLE_LABELS, can, type Role } from '../../../../shared/auth/index.ts'

/** What the article page says about the user's standing, when it limits them. */
export interface AccessNotice {
  /** `info` for a role that only reads; `removed` when access was taken away; `refused` when the server refused a write. */
  kind: 'info' | 'removed' | 'refused'
  text: string
}

/** "a reviewer", "an editor": a role's label as a noun after "You are". */
function withArticle(role: Role): string {
  const label = ROLE_LABELS[role].toLowerCase()
  return /^[aeiou]/.test(label) ? `an ${label}` : `a ${label}`
}

/**
 * The notice for the user's access to an open article, or null when nothing is limited (a role
 * that writes, or no role known yet). Words follow the shared capability table.
 */
export function accessNotice(access: { role: Role | null; canWrite: boolean; removed: boolean }): AccessNotice | null {
  if (access.removed) {
    return {
      kind: 'removed',
      text:
        'Your access to this article was removed, so you can no longer edit it or see new changes. ' +
        'Anything this page shows is as it was when access ended.',
    }
  }
  const { role } = access
  if (role === null || access.canWrite) return null
  if (can(role, Capability.writeBody)) {
    return { kind: 'refused', text: 'The server refused your last change, so editing is paused. Reload the page to see your current role.' }
  }
  const who = `You are ${withArticle(role)} on this article`
  if (can(role, Capability.checkFacts)) {
    return { kind: 'info', text: `${who}: you can check facts in the facts panel and comment on the text, but not edit it.` }
  }
  if (can(role, Capability.comment)) {
    return { kind: 'info', text: `${who}: you can read it and comment on the text (select words, then Comment), but not edit it.` }
  }
  return { kind: 'info', text: `${who}: you can read it, but not change it.` }
}
