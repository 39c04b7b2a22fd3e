import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { freeLoopbackPort } from './freePort.ts'
import { processCommandLine, processCpuMs, processMemoryBytes } from './procStats.ts'

/** The repository root: the Galley server is started from here. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** Which server a scenario runs against. */
export type ServerKind = 'galley' | 'reference'

/** A server running as a child process of the bench, on a loopback port. */
export interface ServerProcess {
  readonly kind: ServerKind
  /** The pid of the node process that serves (no shell or launcher in between). */
  readonly pid: number
  readonly port: number
  /** `http://127.0.0.1:<port>` */
  readonly httpUrl: string
  /** A bearer token of the demo editor (Galley only): the bench's clients all sign in as them. */
  readonly token?: string
  /** CPU time the server has used since it started, in milliseconds (user + system). */
  cpuMs(): number
  /** Peak resident set size since the server started (VmHWM), in bytes. */
  peakRssBytes(): number
  /** Stops the server (SIGTERM, SIGKILL after a grace period) and waits for it to exit. */
  stop(): Promise<void>
  /** Where the server writes its CPU profiles on exit, when profiling. */
  readonly profileDir: string | null
}

export interface StartOptions {
  /** Names the folder of the CPU profiles when profiling. */
  label: string
  /** When set, the server runs with `--cpu-prof` and writes its profiles to `<profileDir>/<kind>-<label>/` on exit. */
  profileDir?: string | undefined
  /** Runs the server with `--perf-basic-prof` (and code that never moves), so that `perf record -p <pid>` names its JavaScript frames. */
  perfMap?: boolean | undefined
}

/** Servers started and not yet exited, so that a bench that dies does not leave them running. */
const running = new Set<ChildProcess>()
process.once('exit', () => {
  // Only our own children, by their pid: SIGKILL, since an exiting process cannot wait for more.
  for (const child of running) child.kill('SIGKILL')
})

const READY_TIMEOUT_MS = 30_000
const STOP_GRACE_MS = 15_000

/** Galley settings every bench server gets (besides its port and data folder); any other setting it inherits. */
const GALLEY_BENCH_SETTINGS = {
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  SEED_SAMPLE: '0',
  GALLEY_DEMO: '1',
  MAX_CONNECTIONS_PER_USER: '100000',
  SOCKET_MESSAGES_PER_10S: '10000000',
}

/** Galley settings the bench sets itself: the environment's values for them do not reach its server. */
export const GALLEY_SET_BY_BENCH: ReadonlySet<string> = new Set([...Object.keys(GALLEY_BENCH_SETTINGS), 'PORT', 'DATA_DIR'])

/** The demo newsroom's editor, whose token every bench client uses. */
const BENCH_EDITOR = { email: 'editor@demo.galley.news', password: 'demo-editor-pass' }

/**
 * Starts the Galley server (server/index.ts) with a fresh configuration: the given data folder,
 * warnings only, no sample article, the demo newsroom (one account for every client, so the
 * per-user connection limit is raised and the per-socket message limit set far above the load).
 * Signs in once as the demo editor. It runs as `node --import tsx server/index.ts`, so the child's
 * pid is the serving process itself and /proc/<pid> measures the server and nothing else.
 */
export async function startGalleyServer(options: StartOptions & { dataDir: string }): Promise<ServerProcess> {
  const port = await freeLoopbackPort()
  const script = 'server/index.ts'
  const server = await start('galley', port, options, ['--import', 'tsx', script], script, '/healthz', {
    ...GALLEY_BENCH_SETTINGS,
    PORT: String(port),
    DATA_DIR: options.dataDir,
  })
  const res = await fetch(`${server.httpUrl}/api/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_EDITOR),
  })
  if (!res.ok) throw new Error(`bench: cannot sign in to the Galley server: ${res.status} ${await res.text()}`)
  const { token } = (await res.json()) as { token: string }
  return Object.assign(server, { token })
}

/**
 * Starts the reference y-websocket server (@y/websocket-server's bin, which runs its
 * `setupWSConnection`): documents in memory only, no persistence.
 */
export async function startReferenceServer(options: StartOptions): Promise<ServerProcess> {
  const port = await freeLoopbackPort()
  const script = 'node_modules/@y/websocket-server/src/server.js'
  return start('reference', port, options, [script], script, '/', { PORT: String(port), HOST: '127.0.0.1' })
}

async function start(
  kind: ServerKind,
  port: number,
  options: StartOptions,
  args: string[],
  script: string,
  readyPath: string,
  env: Record<string, string>,
): Promise<ServerProcess> {
  // One folder per server: node writes a profile per thread (tsx's loader runs in a worker).
  const profileDir = options.profileDir ? path.join(options.profileDir, `${kind}-${options.label}`) : null
  const profileArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []
  // V8 logs where code is created, not where a full GC's compaction moves it: without
  // --no-compact-code-space perf names moved code after whatever the old map says is there.
  if (options.perfMap) profileArgs.push('--perf-basic-prof', '--no-compact-code-space')
  // The reference has no signal handler; node writes a profile only on a normal exit.
  if (profileDir && kind === 'reference') profileArgs.push('--require', fileURLToPath(new URL('./exitOnSignal.cjs', import.meta.url)))
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env }
  delete childEnv.NODE_OPTIONS
  const child = spawn(process.execPath, [...profileArgs, ...args], {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const pid = child.pid
  if (pid === undefined) throw new Error(`could not start the ${kind} server`)
  forwardOutput(child, `[${kind} ${pid}]`)
  running.add(child)
  let exited = false
  const exit = once(child, 'exit').then(([code, signal]) => {
    exited = true
    running.delete(child)
    return { code: code as number | null, signal: signal as NodeJS.Signals | null }
  })

  const httpUrl = `http://127.0.0.1:${port}`
  try {
    await waitUntilReady(`${httpUrl}${readyPath}`, () => exited)
    const cmdline = processCommandLine(pid)
    if (!cmdline.some((arg) => arg.endsWith(script))) {
      throw new Error(`pid ${pid} is not the ${kind} server: ${cmdline.join(' ')}`)
    }
  } catch (err) {
    if (!exited) child.kill('SIGKILL')
    await exit
    throw err
  }

  let stopping: Promise<void> | null = null
  return {
    kind,
    pid,
    port,
    httpUrl,
    profileDir,
    cpuMs: () => processCpuMs(pid),
    peakRssBytes: () => processMemoryBytes(pid, 'VmHWM'),
    stop() {
      stopping ??= (async () => {
        if (exited) return
        child.kill('SIGTERM')
        const timer = setTimeout(() => {
          if (!exited) child.kill('SIGKILL')
        }, STOP_GRACE_MS)
        const { code, signal } = await exit
        clearTimeout(timer)
        // The reference server has no signal handler: SIGTERM ends it, which is its normal stop.
        if (kind === 'galley' && code !== 0) {
          console.error(`[${kind} ${pid}] exited with ${code ?? signal}: its shutdown did not complete cleanly`)
        }
      })()
      return stopping
    },
  }
}

/** Prints the child's output lines with a prefix, minus the reference server's start banner. */
function forwardOutput(child: ChildProcess, prefix: string): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue
    createInterface({ input: stream }).on('line', (line) => {
      if (/^running at '/.test(line)) return
      console.error(`${prefix} ${line}`)
    })
  }
}

async function waitUntilReady(url: string, hasExited: () => boolean): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  for (;;) {
    if (hasExited()) throw new Error(`the server exited before answering ${url}`)
    try {
      const res = await fetch(url)
      await res.arrayBuffer()
      if (res.ok) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no answer from ${url} within ${READY_TIMEOUT_MS} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
