import type { DemoAccount, Role } from '../../shared/auth/index.ts'
import type { Storage } from '../storage/index.ts'
import type { AccountService } from './accountService.ts'

/**
 * The demo newsroom's accounts. Their passwords are public on purpose: the README and the sign-in
 * page show them in demo mode (GALLEY_DEMO=1, the default), which a real newsroom turns off.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@demo.galley.news', password: 'demo-admin-pass', name: 'Ada Admin', role: 'admin' },
  { email: 'owner@demo.galley.news', password: 'demo-owner-pass', name: 'Olu Owner', role: 'owner' },
  { email: 'editor@demo.galley.news', password: 'demo-editor-pass', name: 'Edda Editor', role: 'editor' },
  { email: 'checker@demo.galley.news', password: 'demo-checker-pass', name: 'Farid Factchecker', role: 'factchecker' },
  { email: 'reviewer@demo.galley.news', password: 'demo-reviewer-pass', name: 'Rosa Reviewer', role: 'reviewer' },
  { email: 'viewer@demo.galley.news', password: 'demo-viewer-pass', name: 'Viktor Viewer', role: 'viewer' },
]

/**
 * Creates the demo newsroom's users and gives each a role on the given articles (the admin owns
 * them). Members are set directly: there is no signed-in actor on a first run.
 */
export async function createDemoNewsroom(accounts: AccountService, storage: Storage, articleIds: string[]): Promise<void> {
  for (const demo of DEMO_ACCOUNTS) {
    const user = await accounts.createUser({ email: demo.email, name: demo.name, password: demo.password, isAdmin: demo.role === 'admin' }, null)
    const role: Role = demo.role === 'admin' ? 'owner' : demo.role
    for (const articleId of articleIds) await storage.setMember(articleId, user.id, role)
  }
}
