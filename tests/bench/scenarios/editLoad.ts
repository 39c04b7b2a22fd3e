import * as Y from 'yjs'
import { createArticle } from '../clients/galleyRest.ts'
import { YwsBenchClient } from '../clients/ywsClient.ts'
import { nowMs, sleepUntil } from '../harness/clock.ts'
import { LatencyRecorder } from '../harness/latency.ts'
import { machineBusyCpuMs } from '../harness/procStats.ts'
import type { ServerKind, ServerProcess } from '../harness/serverProcess.ts'
import { EditorThreadHandle } from '../workload/editorThreadHandle.ts'
import type { EditorThreadResult, HostedClient, LoadTimeline } from '../workload/editorThreadMessages.ts'
import { seedArticleText, seedArticleUpdate } from '../workload/seedArticle.ts'

/** The shape of an editing load: how many articles, editors per article, for how long, how fast. */
export interface EditLoadSpec {
  articles: number
  clientsPerArticle: number
  /** The measured window. */
  seconds: number
  /** Editing before the window, not measured: lets both processes' JIT and caches settle. */
  warmupSeconds: number
  /** Edits each client makes per second. */
  editsPerSecond: number
  /** Worker threads the clients are spread over. */
  clientThreads: number
  seed: number
}

/** What one run of an editing load measured on one server (during the window unless said otherwise). */
export interface EditLoadResult {
  server: ServerKind
  spec: EditLoadSpec
  clients: number
  /** Time to create the articles, connect and sync every client, before any edit. */
  connectMs: number
  /** Edits made, warm-up included. */
  edits: number
  /** Edits seen by another client during the window. */
  deliveredInWindow: number
  deliveredPerSecond: number
  /** Time from an edit (made in the window) on one client until another client's document has it, per receiver. */
  latency: LatencyRecorder
  /** Time from sending an edit until the server acked it as stored (Galley only: the reference has no acks). */
  ackLatency: LatencyRecorder | null
  /** Deliveries still missing when the drain gave up (0 when everything arrived). */
  undelivered: number
  /** Time after the window until every delivery (and ack) was in. */
  drainMs: number
  serverCpuMs: number
  serverCpuMsPerThousandDelivered: number
  /** Server CPU as a share of one core (1 = one core busy). */
  serverCpuShare: number
  /** Peak resident set of the server over its whole life (VmHWM). */
  peakRssBytes: number
  /** Frames the clients received per second (Galley merges the updates of one event-loop turn). */
  framesPerSecond: number
  /** The bench process's CPU (all threads) as a share of one core. */
  benchCpuShare: number
  /** CPU used by every other process on the machine, as a share of one core: should be near 0 for clean numbers. */
  otherCpuShare: number
  /** The busiest editor thread's event-loop utilization (0–1): near 1 means the clients were the bottleneck. */
  benchLoopUtilization: number
  /** The worst editor thread's event-loop delay p99, in ms. */
  benchLoopDelayP99Ms: number
}

const DRAIN_TIMEOUT_MS = 15_000
const DRAIN_POLL_MS = 50

/**
 * Runs an editing load against a running server: creates the articles (Galley through its REST API;
 * the reference by a short-lived client that sends the same seed update), spreads the clients over
 * editor threads that connect and sync them, lets each client make `editsPerSecond` stamped edits
 * (start times staggered evenly over one period) through the warm-up and the window, then waits until
 * every edit reached every other client of its article and reads the server's /proc figures.
 * Throws when any client saw a refused frame or an unexpected disconnect.
 */
export async function runEditLoad(server: ServerProcess, spec: EditLoadSpec): Promise<EditLoadResult> {
  const connectStarted = nowMs()
  const ids = await prepareArticles(server, spec)
  const hosted: HostedClient[] = []
  ids.forEach((articleId, room) => {
    for (let k = 0; k < spec.clientsPerArticle; k++) hosted.push({ index: hosted.length, slot: k * ids.length + room, room, articleId })
  })
  const threadCount = Math.max(1, Math.min(spec.clientThreads, hosted.length))
  const threads = Array.from(
    { length: threadCount },
    (_, t) =>
      new EditorThreadHandle({
        server: server.kind,
        url: server.httpUrl,
        token: server.token ?? '',
        clients: hosted.filter((client) => client.index % threadCount === t),
        totalClients: hosted.length,
        seed: spec.seed,
        editsPerSecond: spec.editsPerSecond,
      }),
  )
  try {
    const ready = await Promise.all(threads.map((thread) => thread.next('ready')))
    const paragraphs = ready.flatMap((r) => r.paragraphs)
    if (paragraphs.some((n) => n === 0 || n !== paragraphs[0])) {
      throw new Error(`${server.kind}: clients did not all receive the seed article (paragraphs seen: ${[...new Set(paragraphs)].join(', ')})`)
    }
    const connectMs = nowMs() - connectStarted

    const warmupStart = nowMs() + 100
    const timeline: LoadTimeline = {
      warmupStart,
      windowStart: warmupStart + spec.warmupSeconds * 1000,
      windowEnd: warmupStart + (spec.warmupSeconds + spec.seconds) * 1000,
    }
    for (const thread of threads) thread.send({ type: 'start', ...timeline })
    await sleepUntil(timeline.windowStart)
    const cpuBefore = server.cpuMs()
    const benchCpuBefore = process.cpuUsage()
    const machineBefore = machineBusyCpuMs()
    const measuredFrom = nowMs()
    await sleepUntil(timeline.windowEnd)
    const serverCpuMs = server.cpuMs() - cpuBefore
    const benchCpu = process.cpuUsage(benchCpuBefore)
    const machineMs = machineBusyCpuMs() - machineBefore
    const windowMs = nowMs() - measuredFrom

    // The drain: every edit to every other client of its article, every ack back.
    const drainStarted = nowMs()
    let edits = 0
    let missing = Number.POSITIVE_INFINITY
    for (;;) {
      const progress = await Promise.all(threads.map((thread) => thread.request({ type: 'progress' }, 'progress')))
      const editsByRoom = new Map<number, number>()
      for (const p of progress) for (const [room, n] of p.editsByRoom) editsByRoom.set(room, (editsByRoom.get(room) ?? 0) + n)
      edits = [...editsByRoom.values()].reduce((a, b) => a + b, 0)
      const expected = edits * (spec.clientsPerArticle - 1)
      const delivered = progress.reduce((n, p) => n + p.delivered, 0)
      const inFlight = progress.reduce((n, p) => n + p.inFlight, 0)
      missing = expected - delivered
      if ((missing <= 0 && inFlight === 0) || nowMs() - drainStarted > DRAIN_TIMEOUT_MS) break
      await sleepUntil(nowMs() + DRAIN_POLL_MS)
    }
    const drainMs = nowMs() - drainStarted
    const peakRssBytes = server.peakRssBytes()

    const results = await Promise.all(threads.map((thread) => thread.request({ type: 'finish' }, 'result')))
    const problems = results.flatMap((r) => r.problems)
    if (problems.length > 0) {
      throw new Error(`${server.kind}: ${problems.length} client problems, e.g.\n  ${problems.slice(0, 5).join('\n  ')}`)
    }
    return summarize(server.kind, spec, hosted.length, results, {
      connectMs,
      edits,
      undelivered: missing,
      drainMs,
      serverCpuMs,
      windowMs,
      peakRssBytes,
      benchCpuMs: (benchCpu.user + benchCpu.system) / 1000,
      machineMs,
    })
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()))
  }
}

/** Creates the load's articles and returns their ids; every one starts as the seed article. */
async function prepareArticles(server: ServerProcess, spec: EditLoadSpec): Promise<string[]> {
  const text = seedArticleText()
  const ids: string[] = []
  if (server.kind === 'galley') {
    for (let i = 0; i < spec.articles; i++) ids.push(await createArticle(server.httpUrl, server.token ?? '', text))
    return ids
  }
  // The reference keeps a document in memory after its last client leaves (it has no persistence).
  const seedUpdate = seedArticleUpdate(text)
  for (let i = 0; i < spec.articles; i++) {
    const docName = `bench-${spec.seed}-${i}`
    const seeder = await YwsBenchClient.connect({ url: server.httpUrl, docName })
    Y.applyUpdate(seeder.doc, seedUpdate)
    await seeder.barrier()
    seeder.close()
    ids.push(docName)
  }
  return ids
}

interface MainThreadFigures {
  connectMs: number
  edits: number
  undelivered: number
  drainMs: number
  serverCpuMs: number
  windowMs: number
  peakRssBytes: number
  benchCpuMs: number
  machineMs: number
}

function summarize(
  kind: ServerKind,
  spec: EditLoadSpec,
  clients: number,
  results: EditorThreadResult[],
  figures: MainThreadFigures,
): EditLoadResult {
  const latency = new LatencyRecorder()
  const ackLatency = kind === 'galley' ? new LatencyRecorder() : null
  for (const r of results) {
    latency.recordAll(r.latency)
    ackLatency?.recordAll(r.ackLatency)
  }
  const seconds = figures.windowMs / 1000
  const deliveredInWindow = results.reduce((n, r) => n + r.deliveredInWindow, 0)
  return {
    server: kind,
    spec,
    clients,
    connectMs: figures.connectMs,
    edits: figures.edits,
    deliveredInWindow,
    deliveredPerSecond: deliveredInWindow / seconds,
    latency,
    ackLatency,
    undelivered: figures.undelivered,
    drainMs: figures.drainMs,
    serverCpuMs: figures.serverCpuMs,
    serverCpuMsPerThousandDelivered: deliveredInWindow > 0 ? figures.serverCpuMs / (deliveredInWindow / 1000) : Number.NaN,
    serverCpuShare: figures.serverCpuMs / figures.windowMs,
    peakRssBytes: figures.peakRssBytes,
    framesPerSecond: results.reduce((n, r) => n + r.framesInWindow, 0) / seconds,
    benchCpuShare: figures.benchCpuMs / figures.windowMs,
    otherCpuShare: Math.max(0, figures.machineMs - figures.serverCpuMs - figures.benchCpuMs) / figures.windowMs,
    benchLoopUtilization: Math.max(...results.map((r) => r.loopUtilization)),
    benchLoopDelayP99Ms: Math.max(...results.map((r) => r.loopDelayP99Ms)),
  }
}
