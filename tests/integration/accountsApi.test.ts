import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { AuditEntry, NewApiToken, NewInvitation, PublicUser, SignInResult } from '../../shared/auth/index.ts'
import { TEST_PASSWORD, addUser, api, memberWithRole, signIn } from '../helpers/accounts.ts'
import { createArticle, startServer, tempDataDir } from '../helpers/testServer.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')

const post = (url: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) })

describe('accounts and sessions over REST (docs/access.md)', () => {
  it('[A1] signs in with a session cookie (HttpOnly, SameSite=Lax), answers /me, signs out and revokes the session', async () => {
    const server = await startServer()
    const user = await addUser(server, { email: 'Nell@Example.org', name: 'Nell' })
    const res = await post(server.url, '/api/auth/session', { email: 'nell@example.org', password: TEST_PASSWORD })
    expect(res.status).toBe(200)
    const body = (await res.json()) as SignInResult
    expect(body).toMatchObject({ token: expect.stringMatching(/^gs_/), user: { id: user.id, email: 'nell@example.org', name: 'Nell', isAdmin: false } })
    expect(JSON.stringify(body)).not.toContain('passwordHash')
    const setCookie = res.headers.get('set-cookie')!
    expect(setCookie).toMatch(/^galley_session=gs_/)
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Lax/)
    expect(setCookie).not.toMatch(/Secure/) // plain HTTP here; Secure when the request came over HTTPS
    const cookie = setCookie.split(';')[0]!
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })
    expect(await me.json()).toEqual({ user: body.user })
    expect((await fetch(`${server.url}/api/auth/session`, { method: 'DELETE', headers: { cookie } })).status).toBe(204)
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401)
  })

  it('[A1] wrong passwords get 401 and then 429 with Retry-After; an unknown email answers like a wrong password', async () => {
    const server = await startServer({ signInFailuresPerEmail: 3 })
    await addUser(server, { email: 'target@example.org', name: 'Target' })
    const attempt = (password: string) => post(server.url, '/api/auth/session', { email: 'target@example.org', password })
    for (let i = 0; i < 3; i++) {
      const res = await attempt('wrong password!')
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'wrong email or password' } })
    }
    const limited = await attempt(TEST_PASSWORD)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(await limited.json()).toMatchObject({ error: { code: 'rate-limited' } })
    // An unknown email answers exactly like a wrong password.
    expect(await (await post(server.url, '/api/auth/session', { email: 'nobody@example.org', password: 'whatever123' })).json()).toEqual({
      error: { code: 'unauthorized', message: 'wrong email or password' },
    })
  })

  it('[A1] failures from one address across many emails are limited too; successful sign-ins never are', async () => {
    const server = await startServer({ signInFailuresPerIp: 4 })
    await addUser(server, { email: 'busy@example.org', name: 'Busy' })
    for (let i = 0; i < 8; i++) await signIn(server.url, 'busy@example.org')
    for (let i = 0; i < 4; i++) expect((await post(server.url, '/api/auth/session', { email: `guess${i}@example.org`, password: 'guess guess' })).status).toBe(401)
    expect((await post(server.url, '/api/auth/session', { email: 'busy@example.org', password: TEST_PASSWORD })).status).toBe(429)
  })

  it('[A1] bad input gets clear 4xx JSON errors and the server stays up', async () => {
    const server = await startServer()
    const cases: Array<[Response, number, string]> = [
      [await post(server.url, '/api/auth/session', '{oops'), 400, 'bad-request'],
      [await post(server.url, '/api/auth/session', { email: 'x' }), 400, 'bad-request'],
      [await post(server.url, '/api/auth/session', { email: 'a@b.c', password: 'x'.repeat(40_000) }), 413, 'too-large'],
      [await post(server.url, '/api/auth/signup', { invitation: 'gi_nope', name: 'X', password: 'long enough pw' }), 404, 'not-found'],
      [await fetch(`${server.url}/api/auth/me`), 401, 'unauthorized'],
      [await fetch(`${server.url}/api/auth/nothing`), 404, 'not-found'],
      [await api(server.url, server.token, '/api/users'), 403, 'forbidden'],
      [await api(server.url, server.token, '/api/audit'), 403, 'forbidden'],
      [await api(server.url, server.token, '/api/invitations', { method: 'POST', body: '{"email":"a@b.c"}' }), 403, 'forbidden'],
    ]
    for (const [res, status, code] of cases) {
      expect(res.status, `${res.url} ${code}`).toBe(status)
      expect(await res.json()).toMatchObject({ error: { code, message: expect.any(String) } })
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })

  it('[A1] API tokens are created (shown once), listed without their secret, used as bearer tokens and revoked', async () => {
    const server = await startServer()
    const created = await api(server.url, server.token, '/api/auth/tokens', { method: 'POST', body: JSON.stringify({ name: 'CI publish', expiresInDays: 30 }) })
    expect(created.status).toBe(201)
    const token = (await created.json()) as NewApiToken
    expect(token.token).toMatch(/^gt_/)
    const list = (await (await api(server.url, server.token, '/api/auth/tokens')).json()) as unknown[]
    expect(list).toEqual([{ id: token.id, name: 'CI publish', createdAt: token.createdAt, expiresAt: token.expiresAt, lastUsedAt: null }])
    expect((await api(server.url, token.token, '/api/articles')).status).toBe(200)
    expect((await api(server.url, server.token, `/api/auth/tokens/${token.id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await api(server.url, token.token, '/api/articles')).status).toBe(401)
    // Another user's token id is not ours to revoke.
    const other = await memberWithRole(server, await createArticle(server.url), 'viewer')
    const theirs = (await (await api(server.url, other.token, '/api/auth/tokens', { method: 'POST', body: '{"name":"x"}' })).json()) as NewApiToken
    expect((await api(server.url, server.token, `/api/auth/tokens/${theirs.id}`, { method: 'DELETE' })).status).toBe(404)
    expect((await api(server.url, theirs.token, '/api/articles')).status).toBe(200)
  })

  it('[A1] an admin invites; the invitee signs up once with the invitation; admins create users and read the audit log', async () => {
    const server = await startServer()
    const admin = await addUser(server, { email: 'chief@example.org', name: 'Chief', isAdmin: true })
    const { token } = await signIn(server.url, admin.email)
    const inviteRes = await api(server.url, token, '/api/invitations', { method: 'POST', body: JSON.stringify({ email: 'New.Hire@example.org' }) })
    expect(inviteRes.status).toBe(201)
    const invitation = (await inviteRes.json()) as NewInvitation
    expect(invitation.path).toMatch(/^\/signup\?invitation=gi_/)
    expect(await (await fetch(`${server.url}/api/auth/invitations/${invitation.token}`)).json()).toEqual({ email: 'new.hire@example.org' })
    const tooShort = await post(server.url, '/api/auth/signup', { invitation: invitation.token, name: 'New Hire', password: 'short' })
    expect(tooShort.status).toBe(400)
    const signup = await post(server.url, '/api/auth/signup', { invitation: invitation.token, name: 'New Hire', password: 'a long password' })
    expect(signup.status).toBe(201)
    expect(signup.headers.get('set-cookie')).toMatch(/^galley_session=/)
    expect((await post(server.url, '/api/auth/signup', { invitation: invitation.token, name: 'Again', password: 'a long password' })).status).toBe(404)
    await signIn(server.url, 'new.hire@example.org', 'a long password')

    const made = await api(server.url, token, '/api/users', { method: 'POST', body: JSON.stringify({ email: 'desk@example.org', name: 'Desk', password: 'desk password 1' }) })
    expect(made.status).toBe(201)
    const dup = await api(server.url, token, '/api/users', { method: 'POST', body: JSON.stringify({ email: 'DESK@example.org', name: 'Desk', password: 'desk password 1' }) })
    expect(dup.status).toBe(409)
    const users = (await (await api(server.url, token, '/api/users')).json()) as PublicUser[]
    expect(users.map((u) => u.email)).toEqual(expect.arrayContaining(['chief@example.org', 'new.hire@example.org', 'desk@example.org']))

    await post(server.url, '/api/auth/session', { email: 'desk@example.org', password: 'wrong password' })
    const audit = (await (await api(server.url, token, '/api/audit?limit=50')).json()) as AuditEntry[]
    const types = audit.map((e) => e.type)
    expect(types).toEqual(expect.arrayContaining(['sign-in', 'sign-in-failed', 'invitation-created', 'sign-up', 'user-created']))
    expect(JSON.stringify(audit)).not.toMatch(/desk password|a long password|gi_|gs_/)
    const older = (await (await api(server.url, token, `/api/audit?limit=2&before=${audit[1]!.id}`)).json()) as AuditEntry[]
    expect(older.map((e) => e.id)).toEqual(audit.slice(2, 4).map((e) => e.id))
  })

  it('[A6] owners manage members by email; others may only list them; the last owner stays', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: 'Story.' })
    const reviewer = await memberWithRole(server, id, 'reviewer', 'Rev')
    const colleague = await addUser(server, { email: 'colleague@example.org', name: 'Colleague' })
    const members = (path = '') => `/api/articles/${id}/members${path}`
    const added = await api(server.url, server.token, members(), { method: 'POST', body: JSON.stringify({ email: 'COLLEAGUE@example.org', role: 'editor' }) })
    expect(added.status).toBe(201)
    expect(await added.json()).toEqual({ userId: colleague.id, email: 'colleague@example.org', name: 'Colleague', role: 'editor' })
    expect((await api(server.url, server.token, members(), { method: 'POST', body: JSON.stringify({ email: 'ghost@example.org', role: 'editor' }) })).status).toBe(404)
    expect((await api(server.url, server.token, members(), { method: 'POST', body: JSON.stringify({ email: 'colleague@example.org', role: 'boss' }) })).status).toBe(400)
    const listed = (await (await api(server.url, reviewer.token, members())).json()) as Array<{ name: string; role: string }>
    expect(listed.map((m) => [m.name, m.role])).toEqual([['Colleague', 'editor'], ['Rev', 'reviewer'], ['Test Editor', 'owner']])
    expect((await api(server.url, reviewer.token, members(`/${colleague.id}`), { method: 'PUT', body: '{"role":"viewer"}' })).status).toBe(403)
    const me = listed.find((m) => m.name === 'Test Editor') as unknown as { userId: string }
    const demoteLast = await api(server.url, server.token, members(`/${me.userId}`), { method: 'PUT', body: '{"role":"editor"}' })
    expect(demoteLast.status).toBe(409)
    expect(await demoteLast.json()).toMatchObject({ error: { code: 'conflict' } })
    expect((await api(server.url, server.token, members(`/${me.userId}`), { method: 'DELETE' })).status).toBe(409)
    expect((await api(server.url, server.token, members(`/${colleague.id}`), { method: 'PUT', body: '{"role":"owner"}' })).status).toBe(200)
    expect((await api(server.url, server.token, members(`/${me.userId}`), { method: 'DELETE' })).status).toBe(204)
    expect((await api(server.url, server.token, `/api/articles/${id}`)).status).toBe(404)
  })

  it('[A10] sends security headers and refuses cookie-authenticated writes from a foreign Origin', async () => {
    const server = await startServer()
    const res = await fetch(`${server.url}/api/auth/me`)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/)
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    const { cookie } = await signIn(server.url, 'tester@test.galley', 'default test password')
    const foreign = await post(server.url, '/api/articles', { headline: 'CSRF' }, { cookie, origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
    expect(await foreign.json()).toMatchObject({ error: { code: 'forbidden' } })
    const own = await post(server.url, '/api/articles', { headline: 'Mine' }, { cookie, origin: server.url })
    expect(own.status).toBe(201)
  })

  it('[A1] without demo mode the first admin is created from the command line', async () => {
    const dataDir = tempDataDir()
    const run = promisify(execFile)
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/cli/galley.ts', 'user', 'add', '--admin', '--email', 'first@example.org', '--name', 'First Admin'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
    })
    expect(stdout).toMatch(/created admin First Admin <first@example.org>/)
    const password = /password \(shown once\): (\S+)/.exec(stdout)![1]!
    const server = await startServer({ dataDir, demo: false })
    const { user } = await signIn(server.url, 'first@example.org', password)
    expect(user.isAdmin).toBe(true)
    const bad = await run(process.execPath, ['--import', 'tsx', 'server/cli/galley.ts', 'user', 'add', '--email', 'x@example.org'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
    }).catch((err: { code: number; stderr: string }) => err)
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('needs --email and --name') })
  })
})
