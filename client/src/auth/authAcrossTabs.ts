import type { AuthStore } from './authStore.ts'

/** The BroadcastChannel the tabs of one browser tell each other who is signed in on. */
const CHANNEL = 'galley-auth'

/**
 * Keeps every tab of this browser on the same user. The tabs share one session cookie, so when one
 * signs in as someone else or signs out, the others would otherwise go on showing (and connecting
 * as) the previous user while their requests carry the new cookie. Each tab announces the user it
 * settled on (an id, or null when signed out); a tab that hears a different one asks the server
 * again (AuthStore.load), and the page follows. Returns the function that stops listening.
 * Browsers without BroadcastChannel keep the old behaviour: the next refused request signs them out.
 */
export function syncAuthAcrossTabs(store: AuthStore): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {}
  const channel = new BroadcastChannel(CHANNEL)
  let announced: string | null | undefined

  const settled = (): string | null | undefined => {
    const state = store.get()
    if (state.status === 'signed-in') return state.user.id
    if (state.status === 'signed-out') return null
    return undefined
  }

  const unsubscribe = store.subscribe(() => {
    const userId = settled()
    // Only settled answers, and only changes: a tab that is loading says nothing, so tabs cannot ping-pong.
    if (userId === undefined || userId === announced) return
    announced = userId
    channel.postMessage({ userId })
  })

  channel.onmessage = (event: MessageEvent<{ userId?: unknown }>) => {
    const userId = event.data?.userId
    if (userId !== null && typeof userId !== 'string') return
    if (userId === settled()) return
    void store.load()
  }

  return () => {
    unsubscribe()
    channel.close()
  }
}
