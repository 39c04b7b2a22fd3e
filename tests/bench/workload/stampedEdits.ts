import * as Y from 'yjs'
import * as prng from 'lib0/prng'
import { getBody } from '../../../shared/article/index.ts'
import { nowMs } from '../harness/clock.ts'

/**
 * The bench's instrumentation inside an article: a root map from `<client>.<seq>` to the time the
 * edit was made on the bench clock (nowMs(), shared by every thread of the bench process). It rides in
 * the same transaction as the edit's text change, so the moment a peer sees the stamp is the moment
 * it sees the edit. Bench-only: no product code reads this key.
 */
export const STAMPS_ROOT = 'benchStamps'

/** The body's text nodes (one per paragraph or heading) that edits go into, in document order. */
export function bodyTextNodes(doc: Y.Doc): Y.XmlText[] {
  const nodes: Y.XmlText[] = []
  for (const block of getBody(doc).toArray()) {
    if (!(block instanceof Y.XmlElement)) continue
    const first = block.get(0)
    if (first instanceof Y.XmlText) nodes.push(first)
  }
  return nodes
}

/** Makes one client's edits: small typing and deleting at random places in the article body. */
export class StampedEditor {
  private seq = 0
  private readonly rng: prng.PRNG
  private readonly stamps: Y.Map<number>

  constructor(
    private readonly doc: Y.Doc,
    private readonly clientId: number,
    seed: number,
  ) {
    this.rng = prng.create(seed * 1_000_003 + clientId)
    this.stamps = doc.getMap<number>(STAMPS_ROOT)
  }

  /** Edits made so far. */
  get edits(): number {
    return this.seq
  }

  /**
   * One edit in one transaction (so one update): types 1–4 letters at a random place of a random
   * paragraph, or (one time in four, when the paragraph is long enough) deletes 1–3 characters,
   * and stamps it with the time.
   */
  edit(nodes: readonly Y.XmlText[]): void {
    if (nodes.length === 0) throw new RangeError('the article body has no text to edit')
    const text = nodes[prng.int32(this.rng, 0, nodes.length - 1)]!
    const key = `${this.clientId}.${this.seq++}`
    this.doc.transact(() => {
      const length = text.length
      if (length > 40 && prng.int32(this.rng, 0, 3) === 0) {
        const at = prng.int32(this.rng, 0, length - 4)
        text.delete(at, prng.int32(this.rng, 1, 3))
      } else {
        text.insert(prng.int32(this.rng, 0, length), prng.word(this.rng, 1, 4))
      }
      this.stamps.set(key, nowMs())
    })
  }
}

/**
 * Reports every other client's edit the moment this client's document receives it, with the time
 * it was made. Own edits are not reported.
 */
export function watchStamps(doc: Y.Doc, onSeen: (madeAt: number) => void): () => void {
  const stamps = doc.getMap<number>(STAMPS_ROOT)
  const observer = (event: Y.YMapEvent<number>): void => {
    if (event.transaction.local) return
    for (const key of event.keysChanged) {
      const madeAt = stamps.get(key)
      if (madeAt !== undefined) onSeen(madeAt)
    }
  }
  stamps.observe(observer)
  return () => stamps.unobserve(observer)
}
