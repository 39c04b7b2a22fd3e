import { formatNumber, formatRatio, markdownTable } from '../harness/table.ts'
import type { EditLoadResult } from './editLoad.ts'

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
