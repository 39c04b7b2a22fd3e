import type { Storage } from '../../server/storage/index.ts'

/** A storage whose appends can be held back (to observe "not yet stored") or made to fail. */
export interface GatedStorage extends Storage {
  /** Appends from now on wait until release(). */
  hold(): void
  /** Lets every held append through. */
  release(): void
  /** Appends from now on fail (true) or work again (false). */
  failAppends(fail: boolean): void
}

/** Wraps a real storage with a gate on appendUpdate; everything else passes through. */
export function gatedStorage(inner: Storage): GatedStorage {
  let gate: Promise<void> | null = null
  let open: () => void = () => {}
  let failing = false
  return {
    ...inner,
    async appendUpdate(id, update) {
      if (failing) throw new Error('disk full (simulated)')
      if (gate) await gate
      return inner.appendUpdate(id, update)
    },
    hold() {
      gate ??= new Promise<void>((r) => (open = r))
    },
    release() {
      open()
      gate = null
    },
    failAppends(fail) {
      failing = fail
    },
  }
}
