import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from '../../server/accounts/passwords.ts'
import { hashSecret, newSecret } from '../../server/accounts/secrets.ts'
import { Capability, ROLES, can, capabilitiesOf } from '../../shared/auth/index.ts'

describe('roles (docs/access.md)', () => {
  it('matches the table: who may write, check facts, comment, manage, publish', () => {
    const table = Object.fromEntries(ROLES.map((role) => [role, Object.values(Capability).filter((c) => can(role, c))]))
    expect(table).toEqual({
      owner: ['read', 'writeBody', 'tagFacts', 'checkFacts', 'comment', 'manageMembers', 'publish'],
      editor: ['read', 'writeBody', 'tagFacts', 'checkFacts', 'comment', 'publish'],
      factchecker: ['read', 'checkFacts', 'comment'],
      reviewer: ['read', 'comment'],
      viewer: ['read'],
    })
    expect(can(null, Capability.read)).toBe(false)
    for (const role of ROLES) expect(capabilitiesOf(role)).toEqual(table[role])
  })
})

describe('passwords and secrets (A1)', () => {
  it('hashes with scrypt and a salt; verifies the right password only; rejects malformed hashes', async () => {
    const a = await hashPassword('correct horse battery')
    const b = await hashPassword('correct horse battery')
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/)
    expect(a).not.toBe(b)
    expect(a).not.toContain('correct')
    expect(await verifyPassword('correct horse battery', a)).toBe(true)
    expect(await verifyPassword('correct horse batterY', a)).toBe(false)
    for (const bad of ['', 'plain', 'scrypt$x$8$1$salt$key', 'bcrypt$1$2$3$4$5']) expect(await verifyPassword('x', bad)).toBe(false)
  })

  it('makes 256-bit secrets and stores only their hash', () => {
    const secret = newSecret('gs')
    expect(secret).toMatch(/^gs_[\w-]{43}$/)
    expect(newSecret('gs')).not.toBe(secret)
    expect(hashSecret(secret)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashSecret(secret)).toBe(hashSecret(secret))
  })
})
