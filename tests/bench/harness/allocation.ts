import { Session } from 'node:inspector/promises'

/** The parts of a V8 sampling heap profile this sum reads. */
interface SamplingHeapProfileNode {
  selfSize: number
  children: SamplingHeapProfileNode[]
}

/** Sampling interval in bytes: fine enough for a few thousand small edits, cheap enough to run them. */
const SAMPLING_INTERVAL_BYTES = 1024

function totalSize(node: SamplingHeapProfileNode): number {
  return node.children.reduce((sum, child) => sum + totalSize(child), node.selfSize)
}

/**
 * Bytes of JavaScript heap this process allocates while `run` runs, garbage included: V8's sampling
 * heap profiler, told to keep the samples of objects the garbage collector has already freed, scales
 * its samples to estimates of all allocations. Everything the process allocates meanwhile counts, so
 * run nothing else beside it. (Buffers' backing stores live outside the heap and are not counted.)
 */
export async function allocatedBytes(run: () => Promise<void>): Promise<number> {
  const session = new Session()
  session.connect()
  try {
    await session.post('HeapProfiler.enable')
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: SAMPLING_INTERVAL_BYTES,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    })
    await run()
    const { profile } = await session.post('HeapProfiler.stopSampling')
    return totalSize(profile.head as SamplingHeapProfileNode)
  } finally {
    session.disconnect()
  }
}
