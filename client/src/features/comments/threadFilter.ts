import type { ThreadView } from './threadsModel.ts'

/** Which threads the margin shows. */
export type ThreadFilter = 'open' | 'resolved' | 'all'

export const THREAD_FILTERS: ReadonlyArray<{ id: ThreadFilter; label: string }> = [
  { id: 'open', label: 'Open' },
  { id: 'resolved', label: 'Resolved' },
  { id: 'all', label: 'All' },
]

/** True when the filter shows the thread. */
export function passesFilter(thread: Pick<ThreadView, 'state'>, filter: ThreadFilter): boolean {
  return filter === 'all' || thread.state === filter
}

/**
 * The threads the margin shows, split into those beside their text (in document order: `anchorOrder`
 * lists the threads with an anchor in the editor, in the order their anchors start) and orphans,
 * whose text was deleted (oldest first). A stored thread whose mark has not reached the editor yet
 * (the same moment's update) is in neither, for that moment.
 */
export function arrangeThreads(
  threads: readonly ThreadView[],
  filter: ThreadFilter,
  anchorOrder: readonly string[],
): { anchored: ThreadView[]; orphaned: ThreadView[] } {
  const rank = new Map(anchorOrder.map((id, index) => [id, index]))
  const shown = threads.filter((t) => passesFilter(t, filter))
  const anchored = shown.filter((t) => t.anchored && rank.has(t.id)).sort((a, b) => rank.get(a.id)! - rank.get(b.id)!)
  // A thread opened here whose text went before the server marked it has nowhere to stand either.
  const orphaned = shown.filter((t) => !t.anchored || (t.delivery !== 'stored' && !rank.has(t.id)))
  return { anchored, orphaned }
}
