import type { ServerKind } from '../harness/serverProcess.ts'
import { formatNumber, formatRatio, markdownTable } from '../harness/table.ts'
import type { EditLoadResult } from './editLoad.ts'

/** One round of a load: each server's result, or null for a server that did not run. */
export type RoundResults = Record<ServerKind, EditLoadResult | null>

interface Metric {
  label: string
  value: (r: EditLoadResult) => number | null
  digits: number
  /** Whether a Galley / reference ratio means something for this row. */
  ratio: boolean
}

const MB = 1024 * 1024

const METRICS: Metric[] = [
  { label: 'delivered updates/s', value: (r) => r.deliveredPerSecond, digits: 0, ratio: true },
  {
    label: 'offered updates/s (edits/s × receivers)',
    value: (r) => r.spec.articles * r.spec.clientsPerArticle * r.spec.editsPerSecond * (r.spec.clientsPerArticle - 1),
    digits: 0,
    ratio: false,
  },
  { label: 'latency p50 (ms)', value: (r) => r.latency.percentile(50), digits: 1, ratio: true },
  { label: 'latency p99 (ms)', value: (r) => r.latency.percentile(99), digits: 1, ratio: true },
  { label: 'latency max (ms)', value: (r) => r.latency.max, digits: 1, ratio: false },
  { label: 'server CPU ms per 1,000 delivered', value: (r) => r.serverCpuMsPerThousandDelivered, digits: 1, ratio: true },
  { label: 'server CPU (% of one core)', value: (r) => r.serverCpuShare * 100, digits: 0, ratio: false },
  { label: 'server peak RSS (MB)', value: (r) => r.peakRssBytes / MB, digits: 1, ratio: true },
  { label: 'ack latency p50 (ms)', value: (r) => r.ackLatency?.percentile(50) ?? null, digits: 1, ratio: false },
  { label: 'ack latency p99 (ms)', value: (r) => r.ackLatency?.percentile(99) ?? null, digits: 1, ratio: false },
  { label: 'frames received by clients/s', value: (r) => r.framesPerSecond, digits: 0, ratio: false },
  { label: 'edits made (warm-up included)', value: (r) => r.edits, digits: 0, ratio: false },
  { label: 'undelivered after drain', value: (r) => r.undelivered, digits: 0, ratio: false },
  { label: 'drain after window (ms)', value: (r) => r.drainMs, digits: 0, ratio: false },
  { label: 'connect + sync all clients (ms)', value: (r) => r.connectMs, digits: 0, ratio: false },
  { label: 'bench process CPU, all threads (% of one core)', value: (r) => r.benchCpuShare * 100, digits: 0, ratio: false },
  { label: 'other processes on the machine (% of one core)', value: (r) => r.otherCpuShare * 100, digits: 0, ratio: false },
  { label: 'busiest client thread busy (%)', value: (r) => r.benchLoopUtilization * 100, digits: 0, ratio: false },
  { label: 'client thread event-loop delay p99 (ms)', value: (r) => r.benchLoopDelayP99Ms, digits: 1, ratio: false },
]

/**
 * The side-by-side table of a load scenario: one column per server that ran, and Galley / reference
 * ratios when both did (below 1× means Galley used less, or was faster; for delivered/s above 1× is better).
 */
export function loadComparisonTable(galley: EditLoadResult | null, reference: EditLoadResult | null): string {
  const header = ['metric', ...(galley ? ['Galley'] : []), ...(reference ? ['reference'] : []), ...(galley && reference ? ['Galley / ref'] : [])]
  const rows = METRICS.map((metric) => {
    const g = galley ? metric.value(galley) : null
    const r = reference ? metric.value(reference) : null
    return [
      metric.label,
      ...(galley ? [formatNumber(g, metric.digits)] : []),
      ...(reference ? [formatNumber(r, metric.digits)] : []),
      ...(galley && reference ? [metric.ratio ? formatRatio(g, r) : ''] : []),
    ]
  })
  return markdownTable(header, rows)
}

/** The middle value (the mean of the two middle ones for an even count), or null for none. */
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * Several rounds of the same load: each round's server CPU per 1,000 delivered updates and latency
 * p99 (the two targets of docs/benchmarks.md), the other processes' load during each window, and
 * the medians; with both servers, how many rounds Galley was at or below the reference in each.
 */
export function roundsSummaryTable(rounds: readonly RoundResults[]): string {
  const cpu = (r: EditLoadResult | null) => r?.serverCpuMsPerThousandDelivered ?? null
  const p99 = (r: EditLoadResult | null) => r?.latency.percentile(99) ?? null
  const other = (r: EditLoadResult | null) => (r ? r.otherCpuShare * 100 : null)
  const header = [
    'round',
    'CPU ms / 1,000, Galley',
    'reference',
    'Galley / ref',
    'p99 ms, Galley',
    'reference',
    'Galley / ref',
    'other load %, Galley / reference',
  ]
  const row = (name: string, g: EditLoadResult | null, r: EditLoadResult | null) => [
    name,
    formatNumber(cpu(g), 1),
    formatNumber(cpu(r), 1),
    formatRatio(cpu(g), cpu(r)),
    formatNumber(p99(g), 1),
    formatNumber(p99(r), 1),
    formatRatio(p99(g), p99(r)),
    `${formatNumber(other(g))} / ${formatNumber(other(r))}`,
  ]
  const rows = rounds.map((round, i) => row(String(i + 1), round.galley, round.reference))
  const values = (pick: (r: EditLoadResult | null) => number | null, kind: ServerKind) =>
    rounds.map((round) => pick(round[kind])).filter((v): v is number => v !== null)
  const ratios = (pick: (r: EditLoadResult | null) => number | null) =>
    rounds.flatMap((round) => {
      const g = pick(round.galley)
      const r = pick(round.reference)
      return g !== null && r !== null && r > 0 ? [g / r] : []
    })
  const medianRatio = (pick: (r: EditLoadResult | null) => number | null) => {
    const m = median(ratios(pick))
    return m === null ? '—' : `${m.toFixed(2)}×`
  }
  rows.push([
    'median',
    formatNumber(median(values(cpu, 'galley')), 1),
    formatNumber(median(values(cpu, 'reference')), 1),
    medianRatio(cpu),
    formatNumber(median(values(p99, 'galley')), 1),
    formatNumber(median(values(p99, 'reference')), 1),
    medianRatio(p99),
    '',
  ])
  const table = markdownTable(header, rows)
  const cpuRatios = ratios(cpu)
  if (cpuRatios.length === 0) return table
  const p99Ratios = ratios(p99)
  const both = rounds.filter((round) => {
    const [g, r] = [round.galley, round.reference]
    return g && r && cpu(g)! <= cpu(r)! && p99(g)! <= p99(r)!
  }).length
  const atOrBelow = (list: number[]) => list.filter((x) => x <= 1).length
  return `${table}\n\nGalley at or below the reference: CPU in ${atOrBelow(cpuRatios)} of ${cpuRatios.length} rounds, p99 in ${atOrBelow(p99Ratios)}, both in ${both}.`
}
