import * as Y from 'yjs'
import type { BenchClient } from '../clients/benchClient.ts'
import { nowMs } from '../harness/clock.ts'
import { traceHasAstralCharacters, utf16Offset, type EditingTrace } from './editingTrace.ts'

/** The root Y.Text a trace is replayed into (bench-only; not part of the article shape). */
export const TRACE_ROOT = 'benchTrace'

/** What replaying a trace took. */
export interface ReplayResult {
  txns: number
  patches: number
  /** From the first edit until the server acked the last one. */
  ms: number
  /** Bytes of the Yjs updates sent (payloads, without framing). */
  updateBytes: number
  /** True when positions had to be converted from code points (the slow path). */
  convertedPositions: boolean
}

/**
 * Replays a trace into `client.doc`'s TRACE_ROOT text, one Yjs transaction (so one update, one `y`
 * frame) per trace transaction, keeping at most `window` updates unacked. Resolves when the server
 * has acked everything; throws when the final text is not the trace's `endContent`.
 *
 * Trace positions count code points while Y.Text counts UTF-16 code units. When the trace has no
 * character beyond the BMP the two agree and positions are used as they are; otherwise a mirror of
 * the text is kept to convert them (linear in the text's length per patch, so slow but exact).
 */
export async function replayTrace(client: BenchClient, trace: EditingTrace, window: number): Promise<ReplayResult> {
  if (!(Number.isInteger(window) && window >= 1)) throw new RangeError(`window must be a positive integer, got ${window}`)
  const doc = client.doc
  const text = doc.getText(TRACE_ROOT)
  if (text.length !== 0) throw new RangeError('replayTrace needs an empty text')
  const convert = traceHasAstralCharacters(trace)
  let mirror = trace.startContent
  let updateBytes = 0
  const countBytes = (update: Uint8Array) => {
    updateBytes += update.length
  }
  doc.on('update', countBytes)

  const started = nowMs()
  if (trace.startContent.length > 0) text.insert(0, trace.startContent)
  let patches = 0
  for (const txn of trace.txns) {
    if (client.inFlight >= window) await client.whenInFlightBelow(window)
    doc.transact(() => {
      for (const [position, deleted, inserted] of txn.patches) {
        let at = position
        let length = deleted
        if (convert) {
          at = utf16Offset(mirror, position)
          length = utf16Offset(mirror, deleted, at) - at
          mirror = mirror.slice(0, at) + inserted + mirror.slice(at + length)
        }
        if (length > 0) text.delete(at, length)
        if (inserted.length > 0) text.insert(at, inserted)
        patches++
      }
    })
  }
  await client.whenInFlightBelow(1)
  const ms = nowMs() - started
  doc.off('update', countBytes)

  assertSameText(text.toString(), trace.endContent, 'after the replay')
  if (client.problems.length > 0) throw new Error(`the replay client had problems: ${client.problems.slice(0, 5).join('; ')}`)
  return { txns: trace.txns.length, patches, ms, updateBytes, convertedPositions: convert }
}

/** Throws, naming the first differing position, when a text is not the expected one. */
export function assertSameText(actual: string, expected: string, when: string): void {
  if (actual === expected) return
  let i = 0
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++
  throw new Error(
    `text ${when} differs from endContent at UTF-16 index ${i} (lengths ${actual.length} vs ${expected.length}): ` +
      `${JSON.stringify(actual.slice(i, i + 40))} vs ${JSON.stringify(expected.slice(i, i + 40))}`,
  )
}

/** The size of a document's full state as one update: what a fresh client downloads. */
export function encodedStateBytes(doc: Y.Doc): number {
  return Y.encodeStateAsUpdate(doc).length
}
