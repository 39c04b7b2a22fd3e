import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { ApiError, apiRequest, arrayOf, onSessionEnded, toApiError } from '../../client/src/api/index.ts'
import { DEFAULT_NEXT_PATH, isPublicUser, safeNextPath, signInPath } from '../../client/src/auth/index.ts'
import { GalleyConnection, describeSaveStatus, type ArticleSession } from '../../client/src/collab/index.ts'
import { accessNotice } from '../../client/src/features/access/accessNotice.ts'
import { bodyPlainText } from '../../shared/article/index.ts'
import type { Role } from '../../shared/auth/index.ts'
import { Events, decodeFrame, type Frame } from '../../shared/protocol/index.ts'
import { api, memberWithRole } from '../helpers/accounts.ts'
import { appendParagraph } from '../helpers/docBuilders.ts'
import { eventually } from '../helpers/eventually.ts'
import { createArticle, startServer, type TestServer } from '../helpers/testServer.ts'

// The client's framework-free access logic: the safe `next` redirect, read-only sessions and live
// role changes (docs/access.md A2, A4, A6; docs/protocol.md P3, P15), and the small helpers the
// views build on. Sessions run against a real server, as tests/integration/provider.test.ts does.

/** Where a browser at the site resolves a path: the result must stay on this origin. */
const SITE = 'https://galley.example'

/** True when `path` is a path on SITE that neither the browser nor React Router reads as another host. */
function staysOnSite(path: string): boolean {
  return path.startsWith('/') && !/^[/\\]{2}/.test(path) && new URL(path, SITE).origin === SITE
}

describe('safeNextPath: only a path on this site comes back from `next` (no open redirect)', () => {
  // Each reads as the default: another origin, protocol-relative, backslash tricks, schemes,
  // control characters the URL parser would strip, and the auth pages themselves.
  const refused: Array<[what: string, next: string | null | undefined]> = [
    ['nothing', null],
    ['undefined', undefined],
    ['empty', ''],
    ['an absolute URL', 'https://evil.example'],
    ['an absolute URL with a path', 'http://evil.example/a/x?next=/'],
    ['an absolute URL, upper case', 'HTTPS://EVIL.EXAMPLE'],
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with path, query, hash', '//evil.example/a?b=1#c'],
    ['three slashes', '///evil.example'],
    ['slash backslash', '/\\evil.example'],
    ['slash backslash slash', '/\\/evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['backslash slash', '\\/evil.example'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript:, mixed case', 'JaVaScRiPt:alert(document.cookie)'],
    ['javascript: with a leading slash comment', 'javascript://%0aalert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['a bare host', 'evil.example'],
    ['a relative path', 'a/x'],
    ['a leading space', ' /a/x'],
    ['a leading space before //', ' //evil.example'],
    ['encoded slashes at the start (not a path)', '%2F%2Fevil.example'],
    ['encoded backslash at the start', '%5C%5Cevil.example'],
    ['a tab between the slashes (the parser strips it)', '/\t/evil.example'],
    ['a newline between the slashes', '/\n/evil.example'],
    ['a carriage return between the slashes', '/\r/evil.example'],
    ['a NUL', '/a\u0000'],
    ['a DEL', '/a\u007f'],
    ['the sign-in page', '/signin'],
    ['the sign-in page with its own next', '/signin?next=%2Fa%2Fx'],
    ['the sign-in page reached by a dot segment', '/./signin'],
    ['the sign-in page reached by ..', '/a/../signin'],
    ['the sign-up page', '/signup?token=abc'],
  ]

  it.each(refused)('refuses %s', (_what, next) => {
    expect(safeNextPath(next)).toBe(DEFAULT_NEXT_PATH)
  })

  // Paths on this site come back whole (pathname, search, hash), normalized as a browser would.
  const accepted: Array<[next: string, path: string]> = [
    ['/', '/'],
    ['/a/abc123', '/a/abc123'],
    ['/a/abc123?tab=facts#p3', '/a/abc123?tab=facts#p3'],
    ['/account', '/account'],
    ['/admin?page=2', '/admin?page=2'],
    // Another site in the query or hash is only data: it is not where the browser goes.
    ['/a/x?next=//evil.example', '/a/x?next=//evil.example'],
    ['/a/x#//evil.example', '/a/x#//evil.example'],
    // Encoded slashes and backslashes inside the path stay one path segment on this site.
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/%5C%5Cevil.example', '/%5C%5Cevil.example'],
    ['/a b', '/a%20b'],
    ['/articles/../admin', '/admin'],
    ['/signin-help', '/signin-help'],
    ['/?', '/'],
  ]

  it.each(accepted)('keeps %s as %s', (next, path) => {
    expect(safeNextPath(next)).toBe(path)
    expect(staysOnSite(safeNextPath(next))).toBe(true)
  })

  // Regression (was an open redirect): a dot segment before a double slash passed the prefix checks,
  // then the URL parser removed it and `//evil.example` came out, which React Router's <Link> renders
  // as an external link. The check now looks at the parsed path too.
  const dotSegmentEscapes = ['/..//evil.example', '/.//evil.example', '/a/..//evil.example', '/%2e%2e//evil.example', '/.\\/evil.example']
  it.each(dotSegmentEscapes)('refuses %s, whose dot segment hides a protocol-relative URL', (next) => {
    const path = safeNextPath(next)
    expect(staysOnSite(path), `${JSON.stringify(next)} → ${JSON.stringify(path)}`).toBe(true)
  })

  // React Router matches routes case-insensitively and ignores a trailing slash, so these are the
  // sign-in page too, which the contract says reads as `/`.
  it.each(['/signin/', '/SIGNIN', '/SignUp'])('refuses %s, another spelling of an auth page', (next) => {
    expect(safeNextPath(next)).toBe(DEFAULT_NEXT_PATH)
  })
})

describe('signInPath: the sign-in address that comes back to where the user was', () => {
  it.each([
    ['/', '/signin'],
    ['/a/abc123', '/signin?next=%2Fa%2Fabc123'],
    ['/a/abc123?tab=facts#p3', '/signin?next=%2Fa%2Fabc123%3Ftab%3Dfacts%23p3'],
    ['//evil.example', '/signin'],
    ['/signin?next=%2Fa', '/signin'],
  ])('%s → %s', (path, address) => {
    expect(signInPath(path)).toBe(address)
  })

  it('round-trips: the sign-in page reads `next` back as the same path', () => {
    for (const path of ['/a/abc123', '/a/abc123?tab=facts&x=1#p3', '/a/x?next=%2Fadmin', '/a%20b']) {
      const next = new URL(signInPath(path), SITE).searchParams.get('next')
      expect(safeNextPath(next)).toBe(path)
    }
  })
})

describe('accessNotice: what the article page says about a limited role (words follow can())', () => {
  const VIEWER = 'You are a viewer on this article: you can read it, but not change it.'
  const REVIEWER = 'You are a reviewer on this article: you can read it and comment on the text (select words, then Comment), but not edit it.'
  const FACTCHECKER =
    'You are a fact-checker on this article: you can check facts in the facts panel and comment on the text, but not edit it.'
  const REFUSED = 'The server refused your last change, so editing is paused. Reload the page to see your current role.'
  const REMOVED = /^Your access to this article was removed, so you can no longer edit it or see new changes\./

  const table: Array<[role: Role | null, canWrite: boolean, removed: boolean, kind: string | null, text: string | RegExp | null]> = [
    // Roles that write, and no role known yet: nothing to say.
    ['owner', true, false, null, null],
    ['editor', true, false, null, null],
    [null, false, false, null, null],
    // Roles that only read, by what else they may do.
    ['viewer', false, false, 'info', VIEWER],
    ['reviewer', false, false, 'info', REVIEWER],
    ['factchecker', false, false, 'info', FACTCHECKER],
    // A role that may write but cannot now: the server refused a write.
    ['owner', false, false, 'refused', REFUSED],
    ['editor', false, false, 'refused', REFUSED],
    // Removed wins over everything else.
    [null, false, true, 'removed', REMOVED],
    ['editor', true, true, 'removed', REMOVED],
    ['viewer', false, true, 'removed', REMOVED],
  ]

  it.each(table)('role %s, canWrite %s, removed %s → %s', (role, canWrite, removed, kind, text) => {
    const notice = accessNotice({ role, canWrite, removed })
    if (kind === null) {
      expect(notice).toBeNull()
      return
    }
    expect(notice?.kind).toBe(kind)
    if (text instanceof RegExp) expect(notice?.text).toMatch(text)
    else expect(notice?.text).toBe(text)
  })
})

describe('checking what the server sends (never trust a peer)', () => {
  const user = { id: 'u1', email: 'a@b.example', name: 'A', isAdmin: false }

  it('isPublicUser accepts only the full shape', () => {
    expect(isPublicUser(user)).toBe(true)
    expect(isPublicUser({ ...user, extra: 1 })).toBe(true)
    for (const bad of [null, undefined, 'u1', [user], {}, { ...user, id: 1 }, { ...user, isAdmin: 'false' }, { ...user, name: null }]) {
      expect(isPublicUser(bad), JSON.stringify(bad)).toBe(false)
    }
    const { email: _email, ...noEmail } = user
    expect(isPublicUser(noEmail)).toBe(false)
  })

  it('arrayOf keeps the items that pass and refuses a body that is not a list', () => {
    expect(arrayOf([user, { id: 'x' }, null, user], isPublicUser, 'list of users')).toEqual([user, user])
    for (const body of [null, {}, user, 'a']) {
      expect(() => arrayOf(body, isPublicUser, 'list of users')).toThrow(expect.objectContaining({ code: 'internal', message: 'The server sent an unexpected list of users.' }))
    }
  })

  it('toApiError keeps an ApiError and turns anything else into `internal`', () => {
    const known = new ApiError('forbidden', 'no', 403)
    expect(toApiError(known)).toBe(known)
    expect(toApiError(new TypeError('boom'))).toMatchObject({ code: 'internal', message: 'boom', status: 0 })
    expect(toApiError('text')).toMatchObject({ code: 'internal', message: 'text', status: 0 })
  })
})

describe('apiRequest maps every answer to a value or an ApiError', () => {
  afterEach(() => vi.unstubAllGlobals())

  /** Stubs fetch with one answer (or failure); returns what fetch was called with. */
  function answer(response: Response | Error): { calls: Array<[string, RequestInit]> } {
    const calls: Array<[string, RequestInit]> = []
    vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
      calls.push([path, init])
      if (response instanceof Error) throw response
      return response
    })
    return { calls }
  }

  /** Counts the page-wide "session ended" signals during the current test. */
  function sessionEnds(): { count: number } {
    const seen = { count: 0 }
    onTestFinished(onSessionEnded(() => seen.count++))
    return seen
  }

  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
  const error = (code: string, message: string) => ({ error: { code, message } })

  it('sends JSON with the cookie, and returns the parsed body (undefined for 204)', async () => {
    const { calls } = answer(json(201, { id: 'x' }))
    expect(await apiRequest('/api/articles', { method: 'POST', json: { headline: 'H' } })).toEqual({ id: 'x' })
    const [path, init] = calls[0]!
    expect(path).toBe('/api/articles')
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"headline":"H"}' })
    expect(init.headers).toMatchObject({ Accept: 'application/json', 'Content-Type': 'application/json' })
    answer(new Response(null, { status: 204 }))
    expect(await apiRequest('/api/x', { method: 'DELETE' })).toBeUndefined()
  })

  const failures: Array<[what: string, response: () => Response | Error, expected: Partial<ApiError>]> = [
    ['the server’s error body', () => json(403, error('forbidden', 'not yours')), { code: 'forbidden', message: 'not yours', status: 403 }],
    ['an error body with 200', () => json(200, error('conflict', 'taken')), { code: 'conflict', status: 200 }],
    ['401 without a body', () => new Response('nope', { status: 401 }), { code: 'unauthorized', message: 'Sign in to continue.', status: 401 }],
    [
      '429 with Retry-After',
      () => json(429, error('rate-limited', 'slow down'), { 'retry-after': '12' }),
      { code: 'rate-limited', status: 429, retryAfterSeconds: 12 },
    ],
    ['429 with a Retry-After date', () => json(429, error('rate-limited', 'slow down'), { 'retry-after': 'Wed, 21 Oct 2099 07:28:00 GMT' }), { retryAfterSeconds: null }],
    ['429 with a negative Retry-After', () => json(429, error('rate-limited', 'slow down'), { 'retry-after': '-1' }), { retryAfterSeconds: null }],
    ['a gateway’s 502 page', () => new Response('<html>', { status: 502 }), { code: 'unavailable', status: 502 }],
    ['a gateway’s 503', () => new Response('', { status: 503 }), { code: 'unavailable', status: 503 }],
    ['a gateway’s 504', () => new Response('', { status: 504 }), { code: 'unavailable', status: 504 }],
    ['500 without a body', () => new Response('oops', { status: 500 }), { code: 'internal', message: 'The server answered 500.', status: 500 }],
    ['no answer at all', () => new TypeError('fetch failed'), { code: 'unavailable', status: 0 }],
  ]

  it.each(failures)('%s', async (_what, response, expected) => {
    answer(response())
    const err = await apiRequest('/api/x').then(
      () => null,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject(expected)
  })

  it('an abort is passed through as it is, not as `unavailable`', async () => {
    const abort = new DOMException('aborted', 'AbortError')
    answer(abort)
    await expect(apiRequest('/api/x')).rejects.toBe(abort)
  })

  it('a 401 reports the session ended, except on an auth probe (who am I, sign in)', async () => {
    const ends = sessionEnds()
    answer(json(401, error('unauthorized', 'sign in')))
    await expect(apiRequest('/api/articles')).rejects.toMatchObject({ code: 'unauthorized' })
    expect(ends.count).toBe(1)
    answer(json(401, error('unauthorized', 'sign in')))
    await expect(apiRequest('/api/auth/me', { authProbe: true })).rejects.toMatchObject({ code: 'unauthorized' })
    answer(json(403, error('forbidden', 'no')))
    await expect(apiRequest('/api/articles')).rejects.toMatchObject({ code: 'forbidden' })
    expect(ends.count).toBe(1)
  })
})

// ---- Sessions against a real server ----

const SAMPLE = 'First paragraph.\n\nSecond paragraph.'

/** The kinds of document-changing frames: what a read-only session must never send. */
const DOC_CHANGES: ReadonlySet<Frame['kind']> = new Set(['sync-step2', 'update'])

/** A connection as `token`'s user, and a log of what it sent, per article. */
interface Watched {
  connection: GalleyConnection
  /** Kinds of the `y` frames sent, in order, with their article. */
  frames: Array<{ articleId: string; kind: Frame['kind'] }>
  /** Article ids of the `join`s sent, in order. */
  joins: string[]
  /** `connect` events so far. */
  connects: number
}

function connectAs(server: TestServer, token: string): Watched {
  const connection = new GalleyConnection(server.url, { reconnectionDelay: 50, reconnectionDelayMax: 200, auth: { token } })
  onTestFinished(() => connection.destroy())
  const watched: Watched = { connection, frames: [], joins: [], connects: 0 }
  connection.socket.on('connect', () => watched.connects++)
  connection.socket.onAnyOutgoing((event: string, ...args: unknown[]) => {
    if (event === Events.y) watched.frames.push({ articleId: args[0] as string, kind: decodeFrame(args[1] as Uint8Array).kind })
    if (event === Events.join) watched.joins.push(args[0] as string)
  })
  return watched
}

/** The document-changing frames a connection sent for an article. */
function docChangesSent(watched: Watched, articleId: string): number {
  return watched.frames.filter((f) => f.articleId === articleId && DOC_CHANGES.has(f.kind)).length
}

/** Waits until the session has the server's state and says `state`. */
async function joinedAs(session: ArticleSession, state: 'saved' | 'read-only'): Promise<void> {
  await eventually(() => expect(session.synced).toBe(true))
  await eventually(() => expect(session.saveStatus).toEqual({ state, unsaved: false, error: null }))
}

/** The article's body as the server holds it now. */
function serverText(server: TestServer, id: string): string {
  return bodyPlainText(server.app.registry.peek(id)!.doc)
}

/** Changes a member's role as the article's owner (the server's default user), or removes them (null). */
async function setRole(server: TestServer, id: string, userId: string, role: Role | null): Promise<void> {
  const path = `/api/articles/${id}/members/${userId}`
  const res =
    role === null ? await api(server.url, server.token, path, { method: 'DELETE' }) : await api(server.url, server.token, path, { method: 'PUT', body: JSON.stringify({ role }) })
  expect(res.status).toBe(role === null ? 204 : 200)
}

/** Lets in-flight messages arrive; only for asserting that something did NOT happen. */
const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms))

/** The status a session shows when this browser holds changes its role cannot save. */
const cannotSave = (role: string) => ({
  state: 'error',
  unsaved: true,
  error: { code: 'forbidden', message: `this browser holds changes your role (${role}) cannot save` },
})

describe('read-only sessions never send document changes (A4, P3)', () => {
  it.each([
    ['viewer', 'viewer'],
    ['reviewer', 'reviewer'],
    ['factchecker', 'fact-checker'],
  ] as const)('a %s’s session says read-only, keeps local edits local, and the server’s doc is unchanged', async (role, label) => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: SAMPLE })
    const member = await memberWithRole(server, id, role)
    const watched = connectAs(server, member.token)
    const session = watched.connection.open(id)
    await joinedAs(session, 'read-only')
    expect(session.access).toEqual({ role, canWrite: false, removed: false })
    expect(describeSaveStatus(session.saveStatus, true)).toBe('Read only')
    expect(accessNotice(session.access)).toMatchObject({ kind: 'info', text: expect.stringContaining(`You are a ${label} on this article`) })
    // Its sync step 1 and presence went out; no step 2 answered the server's step 1.
    expect(watched.frames.some((f) => f.kind === 'sync-step1')).toBe(true)
    expect(docChangesSent(watched, id)).toBe(0)

    appendParagraph(session.doc, `${role} was here`)
    // Sent synchronously if at all: nothing went out.
    expect(docChangesSent(watched, id)).toBe(0)
    expect(bodyPlainText(session.doc)).toContain(`${role} was here`)
    // The status does not pretend the edit is saved, nor that it is merely read-only.
    expect(session.saveStatus).toEqual(cannotSave(label))
    await settle()
    expect(docChangesSent(watched, id)).toBe(0)
    expect(serverText(server, id)).toBe(SAMPLE)
    const stored = (await (await api(server.url, server.token, `/api/articles/${id}`)).json()) as { text: string }
    expect(stored.text).toBe(SAMPLE)
    // Still connected and joined: nothing was refused, nothing reconnected.
    expect(watched.connection.socket.connected).toBe(true)
    expect(watched.connects).toBe(1)
  })

  it('an editor’s session sends its edits and says saved', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: SAMPLE })
    const member = await memberWithRole(server, id, 'editor')
    const watched = connectAs(server, member.token)
    const session = watched.connection.open(id)
    await joinedAs(session, 'saved')
    expect(session.access).toEqual({ role: 'editor', canWrite: true, removed: false })
    expect(accessNotice(session.access)).toBeNull()
    appendParagraph(session.doc, 'editor was here')
    expect(watched.frames.filter((f) => f.kind === 'update')).toHaveLength(1)
    await eventually(() => expect(serverText(server, id)).toContain('editor was here'))
    await eventually(() => expect(session.saveStatus).toEqual({ state: 'saved', unsaved: false, error: null }))
  })
})

describe('a live role change switches the session (A6, P15)', () => {
  it('viewer → editor → viewer → editor: writable only while the role allows; a held edit is saved once it does', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: SAMPLE })
    const member = await memberWithRole(server, id, 'viewer')
    const watched = connectAs(server, member.token)
    const session = watched.connection.open(id)
    let accessEvents = 0
    session.on('access', () => accessEvents++)
    await joinedAs(session, 'read-only')
    const eventsAfterJoin = accessEvents

    // Promoted: writable at once, and its edits reach the server.
    await setRole(server, id, member.user.id, 'editor')
    await eventually(() => expect(session.access).toEqual({ role: 'editor', canWrite: true, removed: false }))
    expect(accessEvents).toBe(eventsAfterJoin + 1)
    await eventually(() => expect(session.saveStatus.state).toBe('saved'))
    appendParagraph(session.doc, 'written as editor')
    await eventually(() => expect(serverText(server, id)).toContain('written as editor'))
    await eventually(() => expect(session.saveStatus).toEqual({ state: 'saved', unsaved: false, error: null }))

    // Demoted: read-only again, and nothing more is sent.
    await setRole(server, id, member.user.id, 'viewer')
    await eventually(() => expect(session.access).toEqual({ role: 'viewer', canWrite: false, removed: false }))
    await eventually(() => expect(session.saveStatus).toEqual({ state: 'read-only', unsaved: false, error: null }))
    expect(accessNotice(session.access)?.text).toContain('You are a viewer')
    const sentBefore = docChangesSent(watched, id)
    appendParagraph(session.doc, 'written as viewer')
    expect(docChangesSent(watched, id)).toBe(sentBefore)
    // Once the rejoin after the demotion has told it what the server holds, it says the edit cannot be saved.
    await eventually(() => expect(session.saveStatus).toEqual(cannotSave('viewer')))
    expect(docChangesSent(watched, id)).toBe(sentBefore)
    expect(serverText(server, id)).not.toContain('written as viewer')

    // Promoted again: it joins again and sends what the server lacks, the held edit included.
    await setRole(server, id, member.user.id, 'editor')
    await eventually(() => expect(session.access.canWrite).toBe(true))
    await eventually(() => expect(serverText(server, id)).toContain('written as viewer'))
    await eventually(() => expect(session.saveStatus).toEqual({ state: 'saved', unsaved: false, error: null }))
    expect(watched.connection.socket.connected).toBe(true)
    expect(watched.connects).toBe(1)
  })

  it('an editor demoted to reviewer stops sending while the owner’s edits still arrive', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: SAMPLE })
    const owner = connectAs(server, server.token).connection.open(id)
    await joinedAs(owner, 'saved')
    const member = await memberWithRole(server, id, 'editor')
    const watched = connectAs(server, member.token)
    const session = watched.connection.open(id)
    await joinedAs(session, 'saved')
    await setRole(server, id, member.user.id, 'reviewer')
    await eventually(() => expect(session.saveStatus.state).toBe('read-only'))
    expect(session.role).toBe('reviewer')
    appendParagraph(owner.doc, 'from the owner')
    await eventually(() => expect(bodyPlainText(session.doc)).toContain('from the owner'))
    // Receiving the server's changes does not make a read-only session hold anything unsaved.
    expect(session.saveStatus).toEqual({ state: 'read-only', unsaved: false, error: null })
    const sent = docChangesSent(watched, id)
    appendParagraph(session.doc, 'from the reviewer')
    expect(docChangesSent(watched, id)).toBe(sent)
    await settle()
    expect(bodyPlainText(owner.doc)).not.toContain('from the reviewer')
    expect(serverText(server, id)).not.toContain('from the reviewer')
  })
})

describe('removal ends the session’s access (A6, P15)', () => {
  it('a removed member’s session says so, sends nothing, sees no new changes and never rejoins, even after a reconnect', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: SAMPLE })
    const owner = connectAs(server, server.token).connection.open(id)
    await joinedAs(owner, 'saved')
    const member = await memberWithRole(server, id, 'editor')
    const watched = connectAs(server, member.token)
    const session = watched.connection.open(id)
    await joinedAs(session, 'saved')

    await setRole(server, id, member.user.id, null)
    await eventually(() => expect(session.accessRemoved).toBe(true))
    expect(session.access).toEqual({ role: null, canWrite: false, removed: true })
    expect(session.role).toBeNull()
    expect(session.saveStatus).toEqual({
      state: 'error',
      unsaved: false,
      error: { code: 'forbidden', message: 'your access to this article was removed' },
    })
    expect(accessNotice(session.access)?.kind).toBe('removed')
    // The connection itself is fine: only this article's access ended.
    expect(watched.connection.signedOut).toBe(false)
    expect(watched.connection.socket.connected).toBe(true)

    // New changes no longer reach it, and its own stay local.
    appendParagraph(owner.doc, 'after the removal')
    await eventually(() => expect(serverText(server, id)).toContain('after the removal'))
    const sent = docChangesSent(watched, id)
    appendParagraph(session.doc, 'from the removed member')
    expect(docChangesSent(watched, id)).toBe(sent)
    await settle()
    expect(bodyPlainText(session.doc)).not.toContain('after the removal')
    expect(serverText(server, id)).not.toContain('from the removed member')
    expect(session.saveStatus).toMatchObject({ state: 'error', error: { message: 'your access to this article was removed' } })

    // A reconnect rejoins every open article but this one: the server would only refuse it.
    const joinsBefore = watched.joins.length
    watched.connection.socket.io.engine.close()
    await eventually(() => expect(watched.connects).toBe(2))
    await settle()
    expect(watched.joins.slice(joinsBefore)).not.toContain(id)
    expect(session.accessRemoved).toBe(true)
    expect(session.saveStatus.error?.message).toBe('your access to this article was removed')

    // Opening it again asks the server, which answers as for an article that does not exist (A8).
    watched.connection.close(id)
    const again = watched.connection.open(id)
    expect(again.role).toBeNull()
    await eventually(() => expect(again.saveStatus).toMatchObject({ state: 'error', error: { code: 'not-found' } }))
  })
})

describe('an unauthorized handshake stops the connection for good (A2)', () => {
  /** Counts the engine connections (one per handshake attempt) the server accepts from now on. */
  function handshakes(server: TestServer): { count: number } {
    const seen = { count: 0 }
    const onConnection = () => seen.count++
    server.app.io.engine.on('connection', onConnection)
    onTestFinished(() => void server.app.io.engine.off('connection', onConnection))
    return seen
  }

  it('a bad token: one attempt, an `unauthorized` event, sessions say signed out, no reconnect loop', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: SAMPLE })
    const attempts = handshakes(server)
    const watched = connectAs(server, 'gs_not-a-real-token')
    let connectErrors = 0
    let reconnectAttempts = 0
    watched.connection.socket.on('connect_error', () => connectErrors++)
    watched.connection.socket.io.on('reconnect_attempt', () => reconnectAttempts++)
    const unauthorized: unknown[] = []
    watched.connection.on('unauthorized', (error: unknown) => unauthorized.push(error))
    const session = watched.connection.open(id)

    await eventually(() => expect(watched.connection.signedOut).toBe(true))
    await settle(1_000)
    expect(attempts.count).toBe(1)
    expect(connectErrors).toBe(1)
    expect(reconnectAttempts).toBe(0)
    expect(watched.connects).toBe(0)
    expect(watched.joins).toEqual([])
    expect(unauthorized).toEqual([{ code: 'unauthorized', message: 'you are signed out: sign in again' }])
    expect(session.saveStatus).toEqual({ state: 'error', unsaved: false, error: { code: 'unauthorized', message: 'you are signed out: sign in again' } })
    expect(watched.connection.socket.active).toBe(false)

    // An article opened afterwards is told at once, and nothing connects.
    const later = watched.connection.open(await createArticle(server.url))
    expect(later.saveStatus).toMatchObject({ state: 'error', error: { code: 'unauthorized' } })
    await settle()
    expect(attempts.count).toBe(1)
  })

  it('a session revoked while open: the server drops the socket, one refused reconnect, then nothing', async () => {
    const server = await startServer()
    const id = await createArticle(server.url, { text: SAMPLE })
    const member = await memberWithRole(server, id, 'viewer')
    const watched = connectAs(server, member.token)
    const session = watched.connection.open(id)
    await joinedAs(session, 'read-only')
    const attempts = handshakes(server)
    let unauthorized = 0
    watched.connection.on('unauthorized', () => unauthorized++)

    expect((await api(server.url, member.token, '/api/auth/session', { method: 'DELETE' })).status).toBe(204)
    await eventually(() => expect(watched.connection.signedOut).toBe(true))
    const attemptsWhenStopped = attempts.count
    expect(attemptsWhenStopped).toBeGreaterThanOrEqual(1)
    await settle(1_000)
    expect(attempts.count).toBe(attemptsWhenStopped)
    expect(attempts.count).toBe(1)
    expect(unauthorized).toBe(1)
    expect(watched.connects).toBe(1)
    expect(session.saveStatus).toMatchObject({ state: 'error', error: { code: 'unauthorized' } })
  })
})
