import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { onTestFinished } from 'vitest'
import { createApp, type App } from '../../server/app.ts'
import { loadConfig, type Config } from '../../server/config.ts'
import type { Storage } from '../../server/storage/index.ts'

/** A fresh data folder, removed when the current test finishes. */
export function tempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'galley-test-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

export interface TestServer {
  app: App
  url: string
  config: Config
  /** A bearer token of the server's default test user (an editor; not an admin), who owns what createArticle makes. */
  token: string
  /** Stops the server (idempotent); also done automatically when the test finishes. */
  close(): Promise<void>
}

/** Each test server's default token, so helpers given only a URL act as its default user. */
const defaultTokens = new Map<string, string>()

/** The default test user's token on the server at `url`. */
export function defaultToken(url: string): string {
  const token = defaultTokens.get(url)
  if (!token) throw new Error(`no test server at ${url}`)
  return token
}

/** The default test user's email; it is created (or found again) on every start. */
export const DEFAULT_USER_EMAIL = 'tester@test.galley'

/**
 * Starts a real Galley server on an ephemeral loopback port, in this process. Its teardown is
 * registered with the current test. Defaults: a fresh temp DATA_DIR, no sample article, no demo
 * newsroom, silent logs, generous connection and message limits (tests of the limits set their own),
 * and a default user (see TestServer.token).
 */
export async function startServer(overrides: Partial<Config> = {}, deps: { storage?: Storage } = {}): Promise<TestServer> {
  const config: Config = {
    ...loadConfig({ LOG_LEVEL: 'silent', SEED_SAMPLE: '0', GALLEY_DEMO: '0', PORT: '0', HOST: '127.0.0.1' }),
    maxConnectionsPerUser: 1000,
    socketMessagesPer10s: 1_000_000,
    dataDir: overrides.dataDir ?? tempDataDir(),
    ...overrides,
  }
  const app = await createApp({ config, ...deps })
  const port = await app.listen()
  const url = `http://127.0.0.1:${port}`
  const close = async () => {
    defaultTokens.delete(url)
    await app.close()
  }
  onTestFinished(close)
  if (!(await app.storage.getUserByEmail(DEFAULT_USER_EMAIL))) {
    await app.accounts.createUser({ email: DEFAULT_USER_EMAIL, name: 'Test Editor', password: 'default test password' }, null)
  }
  const res = await fetch(`${url}/api/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEFAULT_USER_EMAIL, password: 'default test password' }),
  })
  const token = ((await res.json()) as { token: string }).token
  defaultTokens.set(url, token)
  return { app, url, config, token, close }
}

/** Creates an article through the REST API (as `token`'s user, by default the server's default user) and returns its id. */
export async function createArticle(url: string, body: { headline?: string; text?: string } = {}, token = defaultToken(url)): Promise<string> {
  const res = await fetch(`${url}/api/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { id: string }).id
}

/** The article's text as the server stores it, read through the REST API (as `token`'s user, by default the server's default user). */
export async function articleText(url: string, id: string, token = defaultToken(url)): Promise<string> {
  const res = await fetch(`${url}/api/articles/${id}`, { headers: { authorization: `Bearer ${token}` } })
  if (res.status !== 200) throw new Error(`read failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { text: string }).text
}
