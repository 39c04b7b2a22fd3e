import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** Where `npm run build` puts the client. */
export const CLIENT_DIST = path.join(ROOT, 'client', 'dist')

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue
    newest = Math.max(newest, newestMtime(path.join(target, entry)))
  }
  return newest
}

/** True when client/dist is missing or older than the client's or shared sources. */
export function clientBuildIsStale(): boolean {
  const built = path.join(CLIENT_DIST, 'index.html')
  if (!existsSync(built)) return true
  const builtAt = statSync(built).mtimeMs
  const sources = ['client/src', 'client/index.html', 'client/vite.config.ts', 'shared', 'package-lock.json']
  return sources.some((s) => newestMtime(path.join(ROOT, s)) > builtAt)
}

/** Builds the client with Vite when it is stale; exits the process if the build fails. */
export function buildClientIfNeeded(): void {
  if (!clientBuildIsStale()) return
  console.log('galley: building the client (vite build)…')
  const result = spawnSync('npx', ['vite', 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  })
  if (result.status !== 0) {
    console.error('galley: the client build failed; see the messages above')
    process.exit(result.status ?? 1)
  }
}
