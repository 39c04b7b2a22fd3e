import { Capability, ROLES, ROLE_LABELS, can, type Role } from '../../../../shared/auth/index.ts'

/** What each capability lets a member do, in words (the capabilities themselves come from shared/auth/roles.ts). */
const CAPABILITY_WORDS: ReadonlyArray<[Capability, string]> = [
  [Capability.writeBody, 'edit the story and its details'],
  [Capability.checkFacts, 'check facts'],
  [Capability.comment, 'comment'],
  [Capability.publish, 'publish'],
  [Capability.manageMembers, 'manage members'],
]

/** One line per role saying what it may do, derived from the shared capability table so it cannot drift. */
export function roleSummary(role: Role): string {
  const abilities = CAPABILITY_WORDS.filter(([capability]) => can(role, capability)).map(([, words]) => words)
  if (abilities.length === 0) return `${ROLE_LABELS[role]}: can read`
  const list = abilities.length === 1 ? abilities[0] : `${abilities.slice(0, -1).join(', ')} and ${abilities.at(-1)}`
  return `${ROLE_LABELS[role]}: can read, ${list}`
}

/** Every role's summary, strongest first. */
export function roleSummaries(): string[] {
  return ROLES.map(roleSummary)
}
