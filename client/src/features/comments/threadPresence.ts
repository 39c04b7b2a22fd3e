import type { Awareness } from 'y-protocols/awareness'
import { presenceStateProblem, type PresenceState } from '../../../../shared/protocol/index.ts'

/**
 * The awareness field that tells colleagues which thread this tab is looking at: `{threadId}` or
 * absent. Free-form presence (P11): small JSON beside `user`, checked by the server only for size.
 */
export const THREAD_PRESENCE_FIELD = 'commentThread'

/** A colleague looking at a thread. */
export interface ThreadViewer {
  clientId: number
  name: string
  color: string
}

/** Thread ids as the server hands them out; anything else in a peer's state is ignored. */
const THREAD_ID = /^[A-Za-z0-9_-]{8,64}$/

/** Publishes the thread this tab is looking at (null: none). Does nothing when it is already so. */
export function setViewingThread(awareness: Awareness, threadId: string | null): void {
  const state = awareness.getLocalState()
  if (state === null) return
  const current = (state[THREAD_PRESENCE_FIELD] as { threadId?: unknown } | null | undefined)?.threadId ?? null
  if (current === threadId) return
  awareness.setLocalStateField(THREAD_PRESENCE_FIELD, threadId === null ? null : { threadId })
}

/**
 * Who else is looking at which thread: thread id → colleagues, by name. This tab is left out, and so
 * is any state that fails the shared presence check or names a thread id of the wrong shape.
 */
export function threadViewers(awareness: Awareness): Map<string, ThreadViewer[]> {
  const viewers = new Map<string, ThreadViewer[]>()
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID || presenceStateProblem(state) !== null) return
    const { user } = state as Partial<PresenceState>
    const threadId = (state[THREAD_PRESENCE_FIELD] as { threadId?: unknown } | null | undefined)?.threadId
    if (!user || typeof threadId !== 'string' || !THREAD_ID.test(threadId)) return
    const list = viewers.get(threadId) ?? []
    list.push({ clientId, name: user.name.trim(), color: user.color })
    viewers.set(threadId, list)
  })
  for (const list of viewers.values()) list.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId)
  return viewers
}

/** True when two viewer maps show the same people on the same threads (cursor moves change nothing). */
export function sameViewers(a: ReadonlyMap<string, readonly ThreadViewer[]>, b: ReadonlyMap<string, readonly ThreadViewer[]>): boolean {
  if (a.size !== b.size) return false
  for (const [id, list] of a) {
    const other = b.get(id)
    if (!other || other.length !== list.length) return false
    if (list.some((v, i) => v.clientId !== other[i]!.clientId || v.name !== other[i]!.name || v.color !== other[i]!.color)) return false
  }
  return true
}
