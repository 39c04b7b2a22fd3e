import type * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import type { ClientIdOwners } from './authorship.ts'
import type { UpdateGuard } from './updateGuard.ts'

/**
 * An article's document while it is in memory: the Y.Doc, the presence of everyone in it, and the
 * bookkeeping the registry needs to store, compact and unload it.
 */
export interface LiveDocument {
  readonly id: string
  readonly doc: Y.Doc
  readonly awareness: Awareness
  /** Internal to the registry. */
  readonly state: LiveDocumentState
}

/** The registry's bookkeeping for one live document. */
export interface LiveDocumentState {
  guard: UpdateGuard
  /** Which user owns which Yjs client id (A7). */
  owners: ClientIdOwners
  /** Who keeps the document in memory (socket ids, request tokens). */
  holders: Set<string>
  unloadTimer: NodeJS.Timeout | null
  summaryTimer: NodeJS.Timeout | null
  /** Updates and bytes in the stored log since the last snapshot. */
  tailCount: number
  tailBytes: number
  compacting: boolean
  /** Writes not yet committed; the unload waits for them. */
  inflight: Set<Promise<void>>
  /** While a client update is applied: the writes it caused, for its ack. */
  collecting: Promise<void>[] | null
  dirtySummary: boolean
  /**
   * An append failed: the document holds changes that are not stored. Until a full snapshot is
   * written, no ack may claim durability (a client's re-sync would skip what the server has in memory).
   */
  needsSnapshot: boolean
}
