import { IDENTITY_STORAGE_KEY, parseIdentity, serializeIdentity, type Identity } from './identity.ts'

/** The browser's identity: read, change, and hear about changes (from this tab or another). */
export interface IdentityStore {
  /** The current identity, or null before the user has given a name. Same object until it changes. */
  get(): Identity | null
  /** Stores a new identity and tells every subscriber. */
  set(identity: Identity): void
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
}

/**
 * An IdentityStore kept in `storage` (localStorage in the browser). Storage that throws (disabled
 * cookies, quota) is tolerated: the identity then lasts as long as the page.
 */
export function createIdentityStore(storage: Storage | null, events: Window | null = null): IdentityStore {
  const listeners = new Set<() => void>()
  let current = read()

  function read(): Identity | null {
    try {
      return parseIdentity(storage?.getItem(IDENTITY_STORAGE_KEY) ?? null)
    } catch {
      return null
    }
  }

  function notify(): void {
    for (const listener of listeners) listener()
  }

  // Another tab changed the name: follow it, so one browser shows one name everywhere.
  events?.addEventListener('storage', (event) => {
    if (event.key !== IDENTITY_STORAGE_KEY && event.key !== null) return
    const next = read()
    if (next?.name === current?.name && next?.color === current?.color) return
    current = next
    notify()
  })

  return {
    get: () => current,
    set(identity) {
      current = { name: identity.name, color: identity.color }
      try {
        storage?.setItem(IDENTITY_STORAGE_KEY, serializeIdentity(current))
      } catch (err) {
        console.warn('galley: could not store your name in this browser', err)
      }
      notify()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** This browser's localStorage, or null where touching it throws. */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}
