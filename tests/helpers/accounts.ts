import type { PublicUser, Role, SignInResult } from '../../shared/auth/index.ts'
import type { TestServer } from './testServer.ts'

/** Test accounts' password (long enough for MIN_PASSWORD_LENGTH). */
export const TEST_PASSWORD = 'correct horse battery'

/** Creates an account directly in the server's services. */
export function addUser(
  server: TestServer,
  user: { email: string; name: string; password?: string; isAdmin?: boolean },
): Promise<PublicUser> {
  return server.app.accounts.createUser({ password: TEST_PASSWORD, ...user }, null)
}

/** Gives a user a role on an article, directly in storage (as an admin's share would). */
export async function addMember(server: TestServer, articleId: string, userId: string, role: Role): Promise<void> {
  await server.app.storage.setMember(articleId, userId, role)
}

/** Signs in through the REST API; returns the token and the `galley_session=…` cookie pair. */
export async function signIn(url: string, email: string, password = TEST_PASSWORD): Promise<{ token: string; cookie: string; user: PublicUser }> {
  const res = await fetch(`${url}/api/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
  const body = (await res.json()) as SignInResult
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!
  return { token: body.token, cookie, user: body.user }
}

/** A user with a role on an article and a token: the usual cast of an access test. */
export interface Member {
  user: PublicUser
  token: string
}

/** Creates a user, gives them `role` on the article (unless null) and signs them in. */
export async function memberWithRole(server: TestServer, articleId: string, role: Role | null, name: string = role ?? 'outsider'): Promise<Member> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${Math.random().toString(36).slice(2, 8)}@test.galley`
  const user = await addUser(server, { email, name })
  if (role !== null) await addMember(server, articleId, user.id, role)
  const { token } = await signIn(server.url, email)
  return { user, token }
}

/** fetch() against the server's API with a bearer token. */
export function api(url: string, token: string, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  headers.set('authorization', `Bearer ${token}`)
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json')
  return fetch(`${url}${path}`, { ...init, headers })
}
