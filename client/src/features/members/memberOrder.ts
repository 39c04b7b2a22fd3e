import { ROLES, type ArticleMember } from '../../../../shared/auth/index.ts'

/** Members strongest role first (owners, editors, …), then by name: the order every member list uses. */
export function sortMembers(members: readonly ArticleMember[]): ArticleMember[] {
  return [...members].sort(
    (a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.name.localeCompare(b.name) || a.email.localeCompare(b.email),
  )
}
