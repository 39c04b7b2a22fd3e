import type { ServerKind } from '../harness/serverProcess.ts'

/** One client an editor thread hosts. */
export interface HostedClient {
  /** The client's number among all clients of the load (seeds its edits, picks its thread). */
  index: number
  /**
   * When in each period the client edits, as a number among all clients of the load: an article's
   * clients are spread over the period, not side by side, since people co-writing a story do not
   * type in step.
   */
  slot: number
  /** The article's number in the load. */
  room: number
  articleId: string
}

/** What an editor thread is started with (its workerData). */
export interface EditorThreadData {
  server: ServerKind
  url: string
  /** Galley's bearer token for every client of the thread. */
  token: string
  clients: HostedClient[]
  totalClients: number
  seed: number
  editsPerSecond: number
}

/** The load's timeline on the bench clock: edits from warmupStart until windowEnd, measured from windowStart. */
export interface LoadTimeline {
  warmupStart: number
  windowStart: number
  windowEnd: number
}

/** Main thread → editor thread. */
export type ToEditorThread = ({ type: 'start' } & LoadTimeline) | { type: 'progress' } | { type: 'finish' }

/** Progress during the drain: enough for the main thread to know when every delivery is in. */
export interface EditorProgress {
  /** Edits made by this thread's clients, per room: [room, edits]. */
  editsByRoom: Array<[number, number]>
  /** Every other client's edit this thread's clients have seen, warm-up included. */
  delivered: number
  /** Local edits not yet acked. */
  inFlight: number
}

/** What an editor thread measured, sent once its clients are closed. */
export interface EditorThreadResult {
  /** Latency samples (ms) of edits made in the window, one per receiving client. */
  latency: Float64Array
  /** Ack latency samples (ms) of edits sent in the window (Galley only). */
  ackLatency: Float64Array
  deliveredInWindow: number
  framesInWindow: number
  /** The thread's event-loop delay p99 in the window beyond the sampling interval (ms). */
  loopDelayP99Ms: number
  /** Share of the window the thread's event loop was busy (0–1). */
  loopUtilization: number
  problems: string[]
}

/** Editor thread → main thread. */
export type FromEditorThread =
  | { type: 'ready'; paragraphs: number[] }
  | ({ type: 'progress' } & EditorProgress)
  | ({ type: 'result' } & EditorThreadResult)
  | { type: 'failed'; message: string }
