/**
 * Collects latency samples (milliseconds) and reports percentiles by nearest rank. Samples are kept
 * whole: a bench run records at most a few hundred thousand, and exact percentiles are worth it.
 */
export class LatencyRecorder {
  private samples: number[] = []
  private sorted = true

  /** Adds one sample. */
  record(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency sample must be a finite non-negative number, got ${ms}`)
    this.samples.push(ms)
    this.sorted = false
  }

  /** Adds many samples. */
  recordAll(samples: ArrayLike<number>): void {
    for (let i = 0; i < samples.length; i++) this.record(samples[i]!)
  }

  /** Number of samples. */
  get count(): number {
    return this.samples.length
  }

  /** The p-th percentile (0 < p ≤ 100) by nearest rank, or NaN without samples. */
  percentile(p: number): number {
    if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`)
    if (this.samples.length === 0) return Number.NaN
    if (!this.sorted) {
      this.samples.sort((a, b) => a - b)
      this.sorted = true
    }
    const rank = Math.ceil((p / 100) * this.samples.length)
    return this.samples[Math.max(0, rank - 1)]!
  }

  /** The largest sample, or NaN without samples. */
  get max(): number {
    return this.samples.length === 0 ? Number.NaN : this.percentile(100)
  }
}
