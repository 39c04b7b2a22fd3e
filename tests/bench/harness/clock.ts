/**
 * The bench's clock in milliseconds (microsecond resolution): the monotonic clock every thread of
 * the process shares, unlike performance.now(), whose origin differs per worker thread. Edits are
 * stamped with it on one thread and read on another.
 */
export function nowMs(): number {
  return Number(process.hrtime.bigint() / 1000n) / 1000
}

/** Resolves at the clock time `at` (at once if it has passed). */
export function sleepUntil(at: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, at - nowMs())))
}
