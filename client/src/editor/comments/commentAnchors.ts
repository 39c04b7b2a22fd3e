import type { Node as PmNode } from '@tiptap/pm/model'
import { COMMENT_MARK } from '../../../../shared/article/index.ts'

/** A span of the editor's document in ProseMirror positions. */
export interface AnchorRange {
  from: number
  to: number
}

/**
 * Where each thread's comment marks are in a ProseMirror document: thread id → its ranges in
 * document order, touching pieces merged. Threads appear in the order their first range starts.
 */
export function commentAnchorsOf(doc: PmNode): Map<string, AnchorRange[]> {
  const anchors = new Map<string, AnchorRange[]>()
  doc.descendants((node, pos) => {
    if (!node.isText) return true
    for (const mark of node.marks) {
      if (mark.type.name !== COMMENT_MARK) continue
      const id = mark.attrs.threadId
      if (typeof id !== 'string' || id === '') continue
      const ranges = anchors.get(id) ?? []
      const last = ranges.at(-1)
      if (last && last.to === pos) last.to = pos + node.nodeSize
      else ranges.push({ from: pos, to: pos + node.nodeSize })
      anchors.set(id, ranges)
    }
    return false
  })
  return anchors
}

/**
 * The thread whose anchor holds `pos` among `candidates` (thread ids), or null; where anchors
 * overlap, the one with the shortest range there (the innermost, as a reader would point at it).
 */
export function threadAt(anchors: ReadonlyMap<string, readonly AnchorRange[]>, pos: number, candidates?: ReadonlySet<string> | null): string | null {
  let best: { id: string; size: number } | null = null
  for (const [id, ranges] of anchors) {
    if (candidates && !candidates.has(id)) continue
    for (const range of ranges) {
      if (pos < range.from || pos > range.to) continue
      const size = range.to - range.from
      if (!best || size < best.size) best = { id, size }
    }
  }
  return best?.id ?? null
}
