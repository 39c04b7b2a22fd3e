import * as Y from 'yjs'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { BenchClient } from '../clients/benchClient.ts'
import { GalleyBenchClient } from '../clients/galleyClient.ts'
import { createArticle } from '../clients/galleyRest.ts'
import { YwsBenchClient } from '../clients/ywsClient.ts'
import { mapWithConcurrency } from '../harness/concurrency.ts'
import { LatencyRecorder } from '../harness/latency.ts'
import type { ServerKind, ServerProcess } from '../harness/serverProcess.ts'
import { seedArticleText, seedArticleUpdate } from '../workload/seedArticle.ts'
import { StampedEditor, bodyTextNodes, watchStamps } from '../workload/stampedEdits.ts'

/** The shape of an editing load: how many articles, editors per article, for how long, how fast. */
export interface EditLoadSpec {
  articles: number
  clientsPerArticle: number
  seconds: number
  /** Edits each client makes per second. */
  editsPerSecond: number
  seed: number
}

/** What one run of an editing load measured on one server. */
export interface EditLoadResult {
  server: ServerKind
  spec: EditLoadSpec
  clients: number
  /** Time to connect and sync every client, before the load starts. */
  connectMs: number
  edits: number
  /** Every edit seen by every other client in its article: edits × (clientsPerArticle − 1). */
  expectedDeliveries: number
  /** Edits seen by another client during the load window. */
  deliveredInWindow: number
  deliveredPerSecond: number
  /** Time from an edit on one client until another client's document has it, one sample per (edit, receiver). */
  latency: LatencyRecorder
  /** Time from sending an edit until the server acked it (Galley only: the reference has no acks). */
  ackLatency: LatencyRecorder | null
  /** Deliveries still missing when the drain gave up (0 when everything arrived). */
  undelivered: number
  /** Time after the window until every delivery (and ack) was in. */
  drainMs: number
  /** Server CPU time during the window, in ms. */
  serverCpuMs: number
  serverCpuMsPerThousandDelivered: number
  /** Server CPU during the window as a share of one core (1 = one core busy). */
  serverCpuShare: number
  peakRssBytes: number
  /** Frames the clients received per second during the window (Galley merges updates of one turn). */
  framesPerSecond: number
  /** The bench process's own CPU as a share of one core during the window, to show it was not the bottleneck. */
  benchCpuShare: number
  /** The bench process's event-loop delay p99 during the window, in ms. */
  benchLoopDelayP99Ms: number
}

const CONNECT_CONCURRENCY = 32
const DRAIN_TIMEOUT_MS = 15_000

interface Room {
  id: string
  clients: BenchClient[]
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)))

/**
 * Runs an editing load against a running server: creates the articles (Galley through its REST API,
 * the reference by a first client sending the same seed update), connects and syncs every client,
 * lets each make `editsPerSecond` stamped edits for `seconds` (start times staggered evenly over one
 * period), waits until every edit reached every other client, and reads the server's /proc figures.
 * Throws when any client saw a refused frame or an unexpected disconnect.
 */
export async function runEditLoad(server: ServerProcess, spec: EditLoadSpec): Promise<EditLoadResult> {
  const ackLatency = server.kind === 'galley' ? new LatencyRecorder() : null
  const text = seedArticleText()
  const seedUpdate = seedArticleUpdate(text)

  const connectStarted = performance.now()
  const ids: string[] = []
  for (let i = 0; i < spec.articles; i++) {
    ids.push(server.kind === 'galley' ? await createArticle(server.httpUrl, text) : `bench-${spec.seed}-${i}`)
  }
  const connect = (articleId: string): Promise<BenchClient> =>
    server.kind === 'galley'
      ? GalleyBenchClient.connect({ url: server.httpUrl, articleId, ...(ackLatency ? { ackLatency } : {}) })
      : YwsBenchClient.connect({ url: server.httpUrl, docName: articleId })

  const rooms: Room[] = await mapWithConcurrency(ids, CONNECT_CONCURRENCY, async (id) => {
    const first = await connect(id)
    if (server.kind === 'reference') {
      Y.applyUpdate(first.doc, seedUpdate)
      await first.barrier()
    }
    return { id, clients: [first] }
  })
  const joins = rooms.flatMap((room) => Array.from({ length: spec.clientsPerArticle - 1 }, () => room))
  await mapWithConcurrency(joins, CONNECT_CONCURRENCY, async (room) => {
    room.clients.push(await connect(room.id))
  })
  const connectMs = performance.now() - connectStarted
  const clients = rooms.flatMap((room) => room.clients)

  const expectedParagraphs = bodyTextNodes(rooms[0]!.clients[0]!.doc).length
  const textNodes = clients.map((client) => bodyTextNodes(client.doc))
  if (expectedParagraphs === 0 || textNodes.some((nodes) => nodes.length !== expectedParagraphs)) {
    throw new Error(`${server.kind}: clients did not all receive the seed article (${expectedParagraphs} paragraphs expected)`)
  }

  const latency = new LatencyRecorder()
  let delivered = 0
  let deliveredInWindow = 0
  let windowEnd = Number.POSITIVE_INFINITY
  const unwatch = clients.map((client) =>
    watchStamps(client.doc, (madeAt) => {
      const now = performance.now()
      latency.record(now - madeAt)
      delivered++
      if (now <= windowEnd) deliveredInWindow++
    }),
  )
  const editors = clients.map((client, i) => new StampedEditor(client.doc, i, spec.seed))
  const framesNow = () => clients.reduce((n, client) => n + client.framesReceived, 0)

  // The window.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 })
  const period = 1000 / spec.editsPerSecond
  const cpuBefore = server.cpuMs()
  const benchCpuBefore = process.cpuUsage()
  const framesBefore = framesNow()
  const windowStart = performance.now()
  windowEnd = windowStart + spec.seconds * 1000
  loopDelay.enable()
  const timers = editors.map((editor, i) => {
    const phase = (i / editors.length) * period
    let next = windowStart + phase
    const tick = (): void => {
      editor.edit(textNodes[i]!)
      next += period
      if (next < windowEnd) timer = setTimeout(tick, next - performance.now())
    }
    let timer = setTimeout(tick, next - performance.now())
    return () => clearTimeout(timer)
  })
  await sleep(windowEnd - performance.now())
  loopDelay.disable()
  const serverCpuMs = server.cpuMs() - cpuBefore
  const benchCpu = process.cpuUsage(benchCpuBefore)
  const framesInWindow = framesNow() - framesBefore
  const windowMs = performance.now() - windowStart
  for (const stop of timers) stop()

  // The drain: every edit to every other client of its article, every ack back.
  const edits = editors.reduce((n, editor) => n + editor.edits, 0)
  const expectedDeliveries = edits * (spec.clientsPerArticle - 1)
  const drainStarted = performance.now()
  while (
    (delivered < expectedDeliveries || clients.some((client) => client.inFlight > 0)) &&
    performance.now() - drainStarted < DRAIN_TIMEOUT_MS
  ) {
    await sleep(20)
  }
  const drainMs = performance.now() - drainStarted
  const peakRssBytes = server.peakRssBytes()

  for (const stop of unwatch) stop()
  for (const client of clients) client.close()
  const problems = clients.flatMap((client) => client.problems)
  if (problems.length > 0) {
    throw new Error(`${server.kind}: ${problems.length} client problems, e.g.\n  ${problems.slice(0, 5).join('\n  ')}`)
  }
  if (ackLatency && ackLatency.count < edits) {
    throw new Error(`${server.kind}: only ${ackLatency.count} of ${edits} edits were acked within ${DRAIN_TIMEOUT_MS} ms`)
  }

  const deliveredPerSecond = deliveredInWindow / (windowMs / 1000)
  return {
    server: server.kind,
    spec,
    clients: clients.length,
    connectMs,
    edits,
    expectedDeliveries,
    deliveredInWindow,
    deliveredPerSecond,
    latency,
    ackLatency,
    undelivered: expectedDeliveries - delivered,
    drainMs,
    serverCpuMs,
    serverCpuMsPerThousandDelivered: deliveredInWindow > 0 ? serverCpuMs / (deliveredInWindow / 1000) : Number.NaN,
    serverCpuShare: serverCpuMs / windowMs,
    peakRssBytes,
    framesPerSecond: framesInWindow / (windowMs / 1000),
    benchCpuShare: (benchCpu.user + benchCpu.system) / 1000 / windowMs,
    benchLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
  }
}
