import { existsSync, mkdtempSync, statSync } from 'node:fs'
import path from 'node:path'
import { timeFreshLoad, type FreshLoad } from '../clients/freshLoad.ts'
import { GalleyBenchClient } from '../clients/galleyClient.ts'
import { createArticle } from '../clients/galleyRest.ts'
import { nowMs } from '../harness/clock.ts'
import { printServerProfile } from '../harness/cpuProfile.ts'
import { LatencyRecorder } from '../harness/latency.ts'
import type { TraceName } from '../harness/options.ts'
import { machineBusyCpuMs } from '../harness/procStats.ts'
import { startGalleyServer } from '../harness/serverProcess.ts'
import { formatNumber, markdownTable } from '../harness/table.ts'
import { loadTrace } from '../trace/editingTrace.ts'
import { TRACE_ROOT, replayTrace, type ReplayResult } from '../trace/replayTrace.ts'
import type { Scenario, ScenarioContext } from './scenario.ts'

export interface B3Options {
  traces: TraceName[]
  window: number
}

interface TraceRun {
  name: TraceName
  endChars: number
  replay: ReplayResult
  ackLatency: LatencyRecorder
  serverCpuMs: number
  /** CPU other processes used during the replay (ms): near 0 for clean numbers. */
  otherCpuMs: number
  peakRssBytes: number
  diskBytes: number
  warm: FreshLoad
  cold: FreshLoad
}

const MB = 1024 * 1024

/**
 * B3: replays a real editing trace through the Galley server as one client, every update acked as
 * stored, then times a fresh client loading the result — from the live server, and again after a
 * restart (loaded from SQLite). Fails loudly when any text differs from the trace's endContent.
 */
export function b3TraceReplay(options: B3Options): Scenario {
  return {
    id: 'B3',
    title: `B3 trace replay (${options.traces.join(', ')}; at most ${options.window} unacked updates in flight)`,
    async run(context) {
      const runs: TraceRun[] = []
      for (const name of options.traces) runs.push(await replayOne(name, options.window, context))
      return report(runs, options.window)
    },
  }
}

async function replayOne(name: TraceName, window: number, context: ScenarioContext): Promise<TraceRun> {
  const trace = loadTrace(name)
  const patches = trace.txns.reduce((n, txn) => n + txn.patches.length, 0)
  console.log(`  ${name}: ${formatNumber(patches)} edits in ${formatNumber(trace.txns.length)} transactions`)
  const dataDir = mkdtempSync(path.join(context.tempDir, `B3-${name}-`))
  const serverOptions = { dataDir, profileDir: context.profileDir, perfMap: context.perfMap }

  const server = await startGalleyServer({ ...serverOptions, label: `B3-${name}` })
  let replay: ReplayResult
  let serverCpuMs: number
  let otherCpuMs: number
  let peakRssBytes: number
  let warm: FreshLoad
  const ackLatency = new LatencyRecorder()
  let articleId: string
  try {
    articleId = await createArticle(server.httpUrl, server.token ?? '', '')
    const client = await GalleyBenchClient.connect({
      url: server.httpUrl,
      token: server.token ?? '',
      articleId,
      onAcked: (sentAt) => ackLatency.record(nowMs() - sentAt),
    })
    const cpuBefore = server.cpuMs()
    const machineBefore = machineBusyCpuMs()
    const benchBefore = process.cpuUsage()
    try {
      replay = await replayTrace(client, trace, window)
    } finally {
      client.close()
    }
    serverCpuMs = server.cpuMs() - cpuBefore
    const bench = process.cpuUsage(benchBefore)
    otherCpuMs = Math.max(0, machineBusyCpuMs() - machineBefore - serverCpuMs - (bench.user + bench.system) / 1000)
    peakRssBytes = server.peakRssBytes()
    console.log(`  ${name}: replayed in ${(replay.ms / 1000).toFixed(1)} s; the text equals endContent`)
    warm = await timeFreshLoad(server.httpUrl, server.token ?? '', articleId, TRACE_ROOT, trace.endContent)
  } finally {
    await server.stop()
  }
  printServerProfile(server)
  const diskBytes = ['galley.db', 'galley.db-wal']
    .map((file) => path.join(dataDir, file))
    .filter((file) => existsSync(file))
    .reduce((n, file) => n + statSync(file).size, 0)

  const restarted = await startGalleyServer({ ...serverOptions, label: `B3-${name}-restart` })
  let cold: FreshLoad
  try {
    cold = await timeFreshLoad(restarted.httpUrl, restarted.token ?? '', articleId, TRACE_ROOT, trace.endContent)
  } finally {
    await restarted.stop()
  }
  console.log(`  ${name}: fresh client loads in ${warm.ms.toFixed(0)} ms (live), ${cold.ms.toFixed(0)} ms (after a restart)`)
  return { name, endChars: [...trace.endContent].length, replay, ackLatency, serverCpuMs, otherCpuMs, peakRssBytes, diskBytes, warm, cold }
}

function report(runs: TraceRun[], window: number): string {
  const rows: Array<[string, (r: TraceRun) => string]> = [
    ['edits (patches)', (r) => formatNumber(r.replay.patches)],
    ['updates sent and acked (one per transaction)', (r) => formatNumber(r.replay.txns)],
    ['replay time (s)', (r) => formatNumber(r.replay.ms / 1000, 1)],
    ['edits/s', (r) => formatNumber(r.replay.patches / (r.replay.ms / 1000))],
    [`ack latency p50 (ms, window ${window})`, (r) => formatNumber(r.ackLatency.percentile(50), 1)],
    [`ack latency p99 (ms, window ${window})`, (r) => formatNumber(r.ackLatency.percentile(99), 1)],
    ['server CPU during the replay (s)', (r) => formatNumber(r.serverCpuMs / 1000, 1)],
    ['server CPU ms per 1,000 edits', (r) => formatNumber(r.serverCpuMs / (r.replay.patches / 1000), 1)],
    ['other processes during the replay (% of one core)', (r) => formatNumber((100 * r.otherCpuMs) / r.replay.ms)],
    ['server peak RSS (MB)', (r) => formatNumber(r.peakRssBytes / MB, 1)],
    ['update bytes sent (KB)', (r) => formatNumber(r.replay.updateBytes / 1024)],
    ['final document state (KB, encodeStateAsUpdate)', (r) => formatNumber(r.warm.stateBytes / 1024)],
    ['galley.db on disk after shutdown (KB)', (r) => formatNumber(r.diskBytes / 1024)],
    ['fresh client connect + join + load, live server (ms)', (r) => formatNumber(r.warm.ms, 0)],
    ['same after a server restart, from SQLite (ms)', (r) => formatNumber(r.cold.ms, 0)],
    ['final text equals endContent', (r) => `yes (${formatNumber(r.endChars)} chars)`],
  ]
  return markdownTable(
    ['metric', ...runs.map((r) => r.name)],
    rows.map(([label, value]) => [label, ...runs.map(value)]),
  )
}
