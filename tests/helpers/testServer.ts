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
  /** Stops the server (idempotent); also done automatically when the test finishes. */
  close(): Promise<void>
}

/**
 * Starts a real Galley server on an ephemeral loopback port, in this process. Its teardown is
 * registered with the current test. Defaults: a fresh temp DATA_DIR, no sample article, silent logs.
 */
export async function startServer(overrides: Partial<Config> = {}, deps: { storage?: Storage } = {}): Promise<TestServer> {
  const config: Config = {
    ...loadConfig({ LOG_LEVEL: 'silent', SEED_SAMPLE: '0', PORT: '0', HOST: '127.0.0.1' }),
    dataDir: overrides.dataDir ?? tempDataDir(),
    ...overrides,
  }
  const app = await createApp({ config, ...deps })
  const port = await app.listen()
  const close = () => app.close()
  onTestFinished(close)
  return { app, url: `http://127.0.0.1:${port}`, config, close }
}

/** Creates an article through the REST API and returns its id. */
export async function createArticle(url: string, body: { headline?: string; text?: string } = {}): Promise<string> {
  const res = await fetch(`${url}/api/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { id: string }).id
}
