import { parseArgs } from 'node:util'
import type { ServerKind } from './serverProcess.ts'

/** Scenario ids in the order a full run takes them. */
export const SCENARIO_IDS = ['B1', 'B2', 'B3', 'B4'] as const
export type ScenarioId = (typeof SCENARIO_IDS)[number]

/** The traces B3 can replay. */
export const TRACE_NAMES = ['friendsforever', 'automerge-paper'] as const
export type TraceName = (typeof TRACE_NAMES)[number]

/** Everything `npm run bench` can be told, after defaults. */
export interface BenchOptions {
  scenarios: ScenarioId[]
  servers: ServerKind[]
  /** B1's clients in the one article. */
  clients: number
  /** B1's duration; B2's too unless b2Seconds differs (both follow --seconds). */
  b1Seconds: number
  b2Seconds: number
  editsPerSecond: number
  /** B1/B2: seconds of editing before the measured window. */
  warmupSeconds: number
  /** B1/B2: worker threads the clients are spread over. */
  clientThreads: number
  articles: number
  clientsPerArticle: number
  /** B3: unacked updates allowed in flight. */
  window: number
  /** B4: edits applied. */
  edits: number
  traces: TraceName[]
  seed: number
  profileDir: string | undefined
  /** Servers run with `--perf-basic-prof`, for `perf record -p <pid>`. */
  perfMap: boolean
  /** B1/B2: rounds of each server, taking turns (medians reported when more than one). */
  rounds: number
  /** When set, the run's header and tables are also written to this Markdown file. */
  outFile: string | undefined
}

/** Thrown for a bad command line; its message says what is accepted. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export const USAGE = `npm run bench -- [options]     (every option also reads BENCH_<NAME> from the environment)

  --scenario B1|B2|B3|B4   run only these (repeat or comma-separate); default: all
  --server galley|reference|both   servers for B1/B2 (B3 is Galley only); default: both
  --clients N           B1: clients editing the one article; B4: clients taking turns (default 50)
  --seconds S           B1 and B2 duration in seconds (default 20 for B1, 15 for B2)
  --rate R              edits per second per client in B1/B2 (default 5)
  --warmup S            B1/B2: seconds of editing before the measured window (default 3)
  --rounds N            B1/B2: run each server N times, taking turns, and report the medians (default 1)
  --client-threads N    B1/B2: worker threads the clients run on (default 2)
  --articles N          B2: articles (default 200)
  --clients-per-article N   B2: clients per article (default 3)
  --window N            B3: unacked updates in flight (default 256; 1 = one at a time)
  --edits N             B4: edits applied (default 5000)
  --trace NAME          B3: friendsforever|automerge-paper|all (default all)
  --seed N              seed of the random edits (default 1)
  --profile DIR         run the servers with --cpu-prof, profiles written to DIR
  --perf-map            run the servers with --perf-basic-prof --no-compact-code-space, so that
                        perf record -p <pid> (pids are printed) names JavaScript frames; measures
                        kernel and helper threads too
  --out FILE            also write the run's header and tables to FILE (Markdown)
`

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer, got ${JSON.stringify(raw)}`)
  return n
}

function atLeastTwo(name: string, raw: string | undefined, fallback: number): number {
  const n = positiveInt(name, raw, fallback)
  if (n < 2) throw new UsageError(`--${name} must be at least 2: an edit has to reach another client`)
  return n
}

function positiveNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number, got ${JSON.stringify(raw)}`)
  return n
}

function nonNegativeNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} must be a number ≥ 0, got ${JSON.stringify(raw)}`)
  return n
}

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a.toLowerCase() === raw.toLowerCase())
  if (!found) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`)
  return found
}

/** Parses the command line (and BENCH_* variables); throws UsageError, or returns null for --help. */
export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions | null {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      scenario: { type: 'string', multiple: true },
      server: { type: 'string' },
      clients: { type: 'string' },
      seconds: { type: 'string' },
      rate: { type: 'string' },
      warmup: { type: 'string' },
      rounds: { type: 'string' },
      'client-threads': { type: 'string' },
      articles: { type: 'string' },
      'clients-per-article': { type: 'string' },
      window: { type: 'string' },
      edits: { type: 'string' },
      trace: { type: 'string' },
      seed: { type: 'string' },
      profile: { type: 'string' },
      'perf-map': { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return null
  const get = (name: keyof typeof values): string | undefined => {
    const value = values[name]
    if (typeof value === 'string') return value
    return env[`BENCH_${name.toUpperCase().replaceAll('-', '_')}`]
  }
  const scenarioArgs = values.scenario ?? (env.BENCH_SCENARIO ? [env.BENCH_SCENARIO] : [])
  const scenarios = scenarioArgs
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => oneOf('scenario', s, SCENARIO_IDS))
  const server = oneOf('server', get('server') ?? 'both', ['galley', 'reference', 'both'] as const)
  const trace = oneOf('trace', get('trace') ?? 'all', [...TRACE_NAMES, 'all'] as const)
  const seconds = get('seconds')
  return {
    scenarios: scenarios.length > 0 ? SCENARIO_IDS.filter((id) => scenarios.includes(id)) : [...SCENARIO_IDS],
    servers: server === 'both' ? ['galley', 'reference'] : [server],
    clients: atLeastTwo('clients', get('clients'), 50),
    b1Seconds: positiveNumber('seconds', seconds, 20),
    b2Seconds: positiveNumber('seconds', seconds, 15),
    editsPerSecond: positiveNumber('rate', get('rate'), 5),
    warmupSeconds: nonNegativeNumber('warmup', get('warmup'), 3),
    rounds: positiveInt('rounds', get('rounds'), 1),
    clientThreads: positiveInt('client-threads', get('client-threads'), 2),
    articles: positiveInt('articles', get('articles'), 200),
    clientsPerArticle: atLeastTwo('clients-per-article', get('clients-per-article'), 3),
    window: positiveInt('window', get('window'), 256),
    edits: positiveInt('edits', get('edits'), 5000),
    traces: trace === 'all' ? [...TRACE_NAMES] : [trace],
    seed: positiveInt('seed', get('seed'), 1),
    profileDir: get('profile') || undefined,
    perfMap: values['perf-map'] ?? env.BENCH_PERF_MAP === '1',
    outFile: get('out') || undefined,
  }
}
