import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { USAGE, UsageError, parseBenchOptions, type BenchOptions } from './harness/options.ts'
import { b1OneArticle } from './scenarios/b1OneArticle.ts'
import { b2ManyArticles } from './scenarios/b2ManyArticles.ts'
import { b3TraceReplay } from './scenarios/b3TraceReplay.ts'
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
  }
  const cpus = os.cpus()
  console.log(`Galley benchmarks, ${new Date().toISOString()}`)
  console.log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}`)
  console.log(`command: npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`)
  if (options.profileDir) mkdirSync(options.profileDir, { recursive: true })

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
        tempDir,
      })
      console.log(`\n${summary}\n\n(${((performance.now() - scenarioStarted) / 1000).toFixed(0)} s)`)
      summaries.push(`## ${scenario.title}\n\n${summary}`)
    } finally {
      rmSync(tempDir, { recursive: true, force: true })
    }
  }
  console.log(`\nall scenarios done in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  return 0
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('bench failed:', err)
    process.exit(1)
  },
)
