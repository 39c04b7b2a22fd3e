import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { onTestFinished } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')

export interface ServerProcess {
  child: ChildProcess
  url: string
  /** Sends a signal to this server process only (by its PID) and waits for it to exit. */
  kill(signal: NodeJS.Signals): Promise<void>
}

/**
 * Runs `server/index.ts` as a child process on an ephemeral port and resolves once it listens.
 * The process is killed (by its own PID) when the test finishes.
 */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SEED_SAMPLE: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    await exited
  }
  onTestFinished(() => kill('SIGKILL'))
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = ''
    child.stdout!.on('data', (d: Buffer) => {
      buffered += d.toString()
      for (const line of buffered.split('\n')) {
        const m = /"port":(\d+)/.exec(line)
        if (m && line.includes('Galley is running')) resolve(Number(m[1]))
      }
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening: ${stderr}`)))
    setTimeout(() => reject(new Error(`server did not start in 30 s: ${stderr}`)), 30_000).unref()
  })
  return { child, url: `http://127.0.0.1:${port}`, kill }
}
