import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CONFIG_VARIABLES } from '../../server/config.ts'
import { machineBusyCpuMs } from './harness/procStats.ts'
import { GALLEY_SET_BY_BENCH } from './harness/serverProcess.ts'
import { USAGE, UsageError, parseBenchOptions, type BenchOptions } from './harness/options.ts'
import { b1OneArticle } from './scenarios/b1OneArticle.ts'
import { b2ManyArticles } from './scenarios/b2ManyArticles.ts'
import { b3TraceReplay } from './scenarios/b3TraceReplay.ts'
import { b4DocumentPath } from './scenarios/b4DocumentPath.ts'
import type { Scenario } from './scenarios/scenario.ts'

/**
 * `npm run bench`: runs the named scenarios (docs/benchmarks.md) one after another and prints their
 * numbers. Servers run as child processes on loopback ports and are stopped by pid when a scenario ends.
 */
async function main(): Promise<number> {
  let options: BenchOptions | null
  try {
    options = parseBenchOptions(process.argv.slice(2))
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`bench: ${(err as Error).message}\n\n${USAGE}`)
      return 2
    }
    throw err
  }
  if (options === null) {
    console.log(USAGE)
    return 0
  }

  const all: Record<BenchOptions['scenarios'][number], Scenario> = {
    B1: b1OneArticle({
      clients: options.clients,
      seconds: options.b1Seconds,
      editsPerSecond: options.editsPerSecond,
      warmupSeconds: options.warmupSeconds,
      clientThreads: options.clientThreads,
    }),
    B2: b2ManyArticles({
      articles: options.articles,
      clientsPerArticle: options.clientsPerArticle,
      seconds: options.b2Seconds,
      editsPerSecond: options.editsPerSecond,
      warmupSeconds: options.warmupSeconds,
      clientThreads: options.clientThreads,
    }),
    B3: b3TraceReplay({ traces: options.traces, window: options.window }),
    B4: b4DocumentPath({ clients: options.clients, edits: options.edits }),
  }
  const cpus = os.cpus()
  const header = [
    `Galley benchmarks, ${new Date().toISOString()}`,
    `machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}`,
    `command: ${benchEnvironment()}npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  ]
  for (const line of header) console.log(line)
  if (options.profileDir) mkdirSync(options.profileDir, { recursive: true })
  const busyBefore = machineBusyCpuMs()
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const otherCores = (machineBusyCpuMs() - busyBefore) / 1000
  header.push(`other load before the start: ${otherCores.toFixed(2)} cores busy${otherCores > 0.2 ? ' (the machine is not quiet: expect noisy numbers)' : ''}`)
  console.log(header.at(-1))

  const summaries: string[] = []
  const started = performance.now()
  for (const id of options.scenarios) {
    const scenario = all[id]
    const tempDir = mkdtempSync(path.join(os.tmpdir(), `galley-bench-${id}-`))
    console.log(`\n## ${scenario.title}\n`)
    const scenarioStarted = performance.now()
    try {
      const summary = await scenario.run({
        servers: options.servers,
        seed: options.seed,
        profileDir: options.profileDir ? path.resolve(options.profileDir) : undefined,
        perfMap: options.perfMap,
        rounds: options.rounds,
        tempDir,
      })
      console.log(`\n${summary}\n\n(${((performance.now() - scenarioStarted) / 1000).toFixed(0)} s)`)
      summaries.push(`## ${scenario.title}\n\n${summary}`)
    } finally {
      rmSync(tempDir, { recursive: true, force: true })
    }
  }
  const done = `all scenarios done in ${((performance.now() - started) / 1000).toFixed(0)} s`
  console.log(`\n${done}`)
  if (options.outFile) {
    writeFileSync(options.outFile, `${header.join('  \n')}\n\n${summaries.join('\n\n')}\n\n${done}\n`)
    console.log(`tables written to ${options.outFile}`)
  }
  return 0
}

/**
 * The variables that shaped this run: the bench's own, and Galley settings (BROADCAST_INTERVAL_MS,
 * …) that its server inherits, so that a recorded command reproduces the run.
 */
function benchEnvironment(): string {
  return Object.entries(process.env)
    .filter(([key, value]) => (key.startsWith('BENCH_') || (CONFIG_VARIABLES.includes(key) && !GALLEY_SET_BY_BENCH.has(key))) && value)
    .map(([key, value]) => `${key}=${value} `)
    .join('')
}

// On Ctrl-C or a kill, exit through process.exit so that the servers we started are stopped.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`bench: ${signal}, stopping`)
    process.exit(130)
  })
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('bench failed:', err)
    process.exit(1)
  },
)
