import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks'
import { parentPort, workerData } from 'node:worker_threads'
import type { BenchClient } from '../clients/benchClient.ts'
import { GalleyBenchClient } from '../clients/galleyClient.ts'
import { YwsBenchClient } from '../clients/ywsClient.ts'
import { nowMs } from '../harness/clock.ts'
import { mapWithConcurrency } from '../harness/concurrency.ts'
import type { EditorThreadData, FromEditorThread, LoadTimeline, ToEditorThread } from './editorThreadMessages.ts'
import { StampedEditor, bodyTextNodes, watchStamps } from './stampedEdits.ts'

/**
 * An editor thread: a worker that hosts a share of a load's clients, makes their stamped edits on
 * the main thread's timeline and measures what its clients see. Spreading clients over threads keeps
 * one event loop from becoming the bottleneck that the latency numbers would then measure.
 */

const CONNECT_CONCURRENCY = 16
/** Event-loop delay sampling interval; the histogram records whole intervals, so it is subtracted again. */
const LOOP_DELAY_RESOLUTION_MS = 5

const port = (() => {
  if (!parentPort) throw new Error('editorThread.ts runs as a worker thread')
  return parentPort
})()
const data = workerData as EditorThreadData
const post = (message: FromEditorThread, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer)

let timeline: LoadTimeline | null = null
const latency: number[] = []
const ackLatency: number[] = []
let delivered = 0
let deliveredInWindow = 0
let framesAtStart = 0
let framesInWindow = 0
let utilization: EventLoopUtilization | null = null
const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS })

function inWindow(t: number): boolean {
  return timeline !== null && t >= timeline.windowStart && t < timeline.windowEnd
}

function onAcked(sentAt: number): void {
  if (inWindow(sentAt)) ackLatency.push(nowMs() - sentAt)
}

function connect(articleId: string): Promise<BenchClient> {
  return data.server === 'galley'
    ? GalleyBenchClient.connect({ url: data.url, token: data.token, articleId, onAcked })
    : YwsBenchClient.connect({ url: data.url, docName: articleId })
}

async function main(): Promise<void> {
  const clients = await mapWithConcurrency(data.clients, CONNECT_CONCURRENCY, (hosted) => connect(hosted.articleId))
  const textNodes = clients.map((client) => bodyTextNodes(client.doc))
  const editors = clients.map((client, i) => new StampedEditor(client.doc, data.clients[i]!.index, data.seed))
  const frames = () => clients.reduce((n, client) => n + client.framesReceived, 0)
  const timers: NodeJS.Timeout[] = []

  port.on('message', (message: ToEditorThread) => {
    switch (message.type) {
      case 'start':
        start(message)
        break
      case 'progress': {
        const editsByRoom = new Map<number, number>()
        editors.forEach((editor, i) => {
          const room = data.clients[i]!.room
          editsByRoom.set(room, (editsByRoom.get(room) ?? 0) + editor.edits)
        })
        const inFlight = clients.reduce((n, client) => n + client.inFlight, 0)
        post({ type: 'progress', editsByRoom: [...editsByRoom], delivered, inFlight })
        break
      }
      case 'finish': {
        for (const timer of timers) clearTimeout(timer)
        for (const client of clients) client.close()
        const latencySamples = Float64Array.from(latency)
        const ackSamples = Float64Array.from(ackLatency)
        post(
          {
            type: 'result',
            latency: latencySamples,
            ackLatency: ackSamples,
            deliveredInWindow,
            framesInWindow,
            loopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_DELAY_RESOLUTION_MS),
            loopUtilization: utilization?.utilization ?? Number.NaN,
            problems: clients.flatMap((client) => client.problems),
          },
          [latencySamples.buffer, ackSamples.buffer],
        )
        break
      }
    }
  })

  function start(t: LoadTimeline): void {
    timeline = t
    for (const client of clients) {
      watchStamps(client.doc, (madeAt) => {
        const now = nowMs()
        delivered++
        if (inWindow(now)) deliveredInWindow++
        if (inWindow(madeAt)) latency.push(now - madeAt)
      })
    }
    const period = 1000 / data.editsPerSecond
    editors.forEach((editor, i) => {
      let next = t.warmupStart + (data.clients[i]!.slot / data.totalClients) * period
      const tick = (): void => {
        // A thread that fell behind does not edit past the window: the drain counts on that.
        if (nowMs() >= t.windowEnd) return
        editor.edit(textNodes[i]!)
        next += period
        if (next < t.windowEnd) timers[i] = setTimeout(tick, next - nowMs())
      }
      timers[i] = setTimeout(tick, next - nowMs())
    })
    let eluAtStart: EventLoopUtilization | null = null
    setTimeout(() => {
      framesAtStart = frames()
      loopDelay.enable()
      eluAtStart = performance.eventLoopUtilization()
    }, t.windowStart - nowMs())
    setTimeout(() => {
      framesInWindow = frames() - framesAtStart
      loopDelay.disable()
      if (eluAtStart) utilization = performance.eventLoopUtilization(eluAtStart)
    }, t.windowEnd - nowMs())
  }

  post({ type: 'ready', paragraphs: textNodes.map((nodes) => nodes.length) })
}

main().catch((err: unknown) => post({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) }))
