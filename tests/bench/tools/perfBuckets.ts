/**
 * Sorts the samples of a `perf record -g` of a bench server into where the time went, for comparing
 * Galley with the reference server (docs/benchmarks.md, "Where the CPU goes"). Read the recording
 * with JavaScript names (the servers run with `npm run bench -- --perf-map`):
 *
 *   perf record -F 1999 -g -p <server pid> -o galley.data -- sleep 10
 *   perf script -i galley.data -F tid,ip,sym,dso | npx tsx tests/bench/tools/perfBuckets.ts
 *
 * A sample of the main thread goes to the first bucket any frame of its stack matches (so a write
 * made while broadcasting counts as broadcasting, not as a write); samples of other threads are
 * split into JIT compilation, garbage collection and the rest.
 */
import { createInterface } from 'node:readline'

/** Buckets in the order a stack is tested against them: outer purposes before inner mechanisms. */
const MAIN_THREAD_BUCKETS: ReadonlyArray<readonly [string, RegExp]> = [
  ['delivery writes (one per receiving socket)', /writeFramesDirectly|writeToEngine|websocket-server\/.*websocket\.js:332/],
  ['update guard (shadow apply, shape)', /updateGuard\.ts/],
  ['update effect (client ids)', /authorship\.ts/],
  ['fact recheck', /factRecheck\.ts/],
  ['SQLite append and commit', /sqlite|Sqlite/],
  ['Yjs apply to the live document', /applyUpdate|readUpdate|yjs\.mjs:\d+:\d+.*transact|transact .*yjs\.mjs|applyClientUpdate/],
  ['broadcast (encode, merge, room walk)', /updateBroadcaster|in-memory-adapter|frameFanoutAdapter/],
  ['Socket.IO receive, dispatch and ack', /socket\.io\/dist|socket\.io-parser/],
  ['engine.io receive', /engine\.io\/build/],
  ['ws frame parsing', /ws\/lib\/(receiver|websocket)/],
  ['socket reads', /uv__read/],
  ['promise jobs', /RunMicrotasks|processTicksAndRejections/],
  ['timers and immediates', /listOnTimeout|processTimers|processImmediate/],
  // On-CPU time in the epoll system calls themselves (perf counts no waiting).
  ['epoll calls', /epoll/],
  ['garbage collection', /Scaveng|MarkCompact|Sweep|IncrementalMarking/],
  ['JIT compilation', /Compile|compiler::|Deoptimiz/],
]

const HELPER_THREAD_BUCKETS: ReadonlyArray<readonly [string, RegExp]> = [
  ['helper threads: JIT compilation', /OptimizingCompileDispatcher|Compile/],
  ['helper threads: garbage collection', /Scaveng|Mark|Sweep|ArrayBufferSweeper/],
]

interface Sample {
  tid: string
  frames: string[]
}

async function readSamples(): Promise<Sample[]> {
  const samples: Sample[] = []
  let current: Sample | null = null
  for await (const line of createInterface({ input: process.stdin })) {
    const trimmed = line.trim()
    if (trimmed === '') {
      if (current && current.frames.length > 0) samples.push(current)
      current = null
    } else if (/^\d+$/.test(trimmed)) {
      current = { tid: trimmed, frames: [] }
    } else if (current) {
      // "<address> <symbol> (<object>)": keep the symbol and its object.
      current.frames.push(trimmed.replace(/^[0-9a-f]+ /, ''))
    }
  }
  if (current && current.frames.length > 0) samples.push(current)
  return samples
}

function bucketOf(frames: readonly string[], buckets: ReadonlyArray<readonly [string, RegExp]>, otherwise: string): string {
  for (const [name, pattern] of buckets) if (frames.some((frame) => pattern.test(frame))) return name
  return otherwise
}

async function main(): Promise<void> {
  const samples = await readSamples()
  if (samples.length === 0) {
    console.error('no samples on stdin: pipe in `perf script -F tid,ip,sym,dso` output')
    process.exitCode = 1
    return
  }
  const perThread = new Map<string, number>()
  for (const { tid } of samples) perThread.set(tid, (perThread.get(tid) ?? 0) + 1)
  const mainTid = [...perThread].sort((a, b) => b[1] - a[1])[0]![0]
  const counts = new Map<string, number>()
  for (const { tid, frames } of samples) {
    const name =
      tid === mainTid ? bucketOf(frames, MAIN_THREAD_BUCKETS, 'main thread: other') : bucketOf(frames, HELPER_THREAD_BUCKETS, 'helper threads: other')
    counts.set(name, (counts.get(name) ?? 0) + 1)
  }
  const kernel = samples.filter((s) => s.tid === mainTid && /kernel/.test(s.frames[0] ?? '')).length
  console.log(`${samples.length} samples; main thread ${perThread.get(mainTid)}, of which ${kernel} in the kernel`)
  for (const [name, n] of [...counts].sort((a, b) => b[1] - a[1])) {
    console.log(`${String(n).padStart(7)}  ${((100 * n) / samples.length).toFixed(1).padStart(5)}%  ${name}`)
  }
}

// Piped into `head`, stop quietly once the reader has what it wanted.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err
  process.exit(0)
})

await main()
