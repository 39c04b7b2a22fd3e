import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import type { TraceName } from '../harness/options.ts'

/** One patch of a trace: at `position`, delete `deleted` characters, then insert `inserted`. */
export type TracePatch = readonly [position: number, deleted: number, inserted: string]

/** A sequential editing trace (tests/bench/data/README.md). Positions count code points. */
export interface EditingTrace {
  startContent: string
  endContent: string
  txns: ReadonlyArray<{ patches: readonly TracePatch[] }>
}

/** The trace files in tests/bench/data, by the name `--trace` takes. */
export const TRACE_FILES: Record<TraceName, string> = {
  'automerge-paper': 'automerge-paper.json.gz',
  friendsforever: 'friendsforever_flat.json.gz',
}

function isPatch(p: unknown): p is TracePatch {
  return (
    Array.isArray(p) &&
    p.length === 3 &&
    Number.isInteger(p[0]) &&
    (p[0] as number) >= 0 &&
    Number.isInteger(p[1]) &&
    (p[1] as number) >= 0 &&
    typeof p[2] === 'string'
  )
}

/** Reads and checks a gzip JSON trace; throws a TypeError naming the first thing that is not a trace. */
export function loadTrace(name: TraceName): EditingTrace {
  const file = new URL(`../data/${TRACE_FILES[name]}`, import.meta.url)
  const data: unknown = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'))
  const trace = data as Partial<EditingTrace>
  if (typeof trace.startContent !== 'string' || typeof trace.endContent !== 'string' || !Array.isArray(trace.txns)) {
    throw new TypeError(`${file.pathname}: expected {startContent, endContent, txns}`)
  }
  trace.txns.forEach((txn, i) => {
    if (!Array.isArray(txn?.patches) || !txn.patches.every(isPatch)) throw new TypeError(`${file.pathname}: txns[${i}] has a bad patch`)
  })
  return trace as EditingTrace
}

const ASTRAL = /[\u{10000}-\u{10FFFF}]/u

/** True when some text of the trace has a character outside the BMP (two UTF-16 code units). */
export function traceHasAstralCharacters(trace: EditingTrace): boolean {
  return (
    ASTRAL.test(trace.startContent) ||
    ASTRAL.test(trace.endContent) ||
    trace.txns.some((txn) => txn.patches.some(([, , inserted]) => ASTRAL.test(inserted)))
  )
}

/** The UTF-16 index in `text` of the code point at index `codePoints` (the length when it is the end). */
export function utf16Offset(text: string, codePoints: number, from = 0): number {
  let index = from
  for (let n = 0; n < codePoints; n++) {
    if (index >= text.length) throw new RangeError(`code point ${codePoints} is past the end of a text of ${text.length} code units`)
    const unit = text.charCodeAt(index)
    index += unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length ? 2 : 1
  }
  return index
}
