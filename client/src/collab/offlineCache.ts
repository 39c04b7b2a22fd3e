import type * as Y from 'yjs'
import { Observable } from 'lib0/observable'
import { IndexeddbPersistence } from 'y-indexeddb'

/**
 * Where an article's offline copy stands:
 * - `loading`: the browser database is opening; edits made now are still captured when it opens;
 * - `ready`: every change to the doc is written to this browser as it happens;
 * - `unavailable`: no IndexedDB (private mode, blocked storage): edits live only in memory.
 */
export type OfflineCacheState = 'loading' | 'ready' | 'unavailable'

/** Events an OfflineCache emits. */
export interface OfflineCacheEvents {
  /** The state changed. */
  state: (state: OfflineCacheState) => void
}

/**
 * The IndexedDB database name of one user's offline copy of an article. Keyed per user on purpose:
 * whatever the copy holds that the server lacks is sent on the next sync as the signed-in user's own
 * change, so a colleague signing in on the same browser must never load someone else's copy (their
 * unsynced edits would go out under the wrong name, and could reach an article the colleague may not
 * even read). Ids are url-safe, so the name needs no escaping.
 */
export function offlineCacheName(userId: string, articleId: string): string {
  return `galley-user-${userId}-article-${articleId}`
}

/**
 * Keeps one user's copy of one article's Y.Doc in this browser's IndexedDB (y-indexeddb), so edits
 * made offline survive a reload and merge into the server's copy on the next sync (P7). Framework-free.
 */
export class OfflineCache extends Observable<keyof OfflineCacheEvents> {
  private current: OfflineCacheState = 'loading'
  private persistence: IndexeddbPersistence | null = null

  constructor(
    readonly userId: string,
    readonly articleId: string,
    readonly doc: Y.Doc,
  ) {
    super()
    if (typeof indexedDB === 'undefined') {
      this.current = 'unavailable'
      return
    }
    try {
      const persistence = new IndexeddbPersistence(offlineCacheName(userId, articleId), doc)
      this.persistence = persistence
      persistence.on('synced', () => this.setState('ready'))
      // Opening fails in some private modes; without this the rejection would go unhandled.
      persistence._db.catch((err: unknown) => {
        console.warn(`galley: no offline copy for ${articleId}`, err)
        this.setState('unavailable')
      })
    } catch (err) {
      console.warn(`galley: no offline copy for ${articleId}`, err)
      this.current = 'unavailable'
    }
  }

  /** The current state. */
  get state(): OfflineCacheState {
    return this.current
  }

  /** Stops writing to the browser database; the stored copy stays for the next visit. */
  override destroy(): void {
    const persistence = this.persistence
    this.persistence = null
    if (persistence) void persistence.destroy().catch(() => {})
    super.destroy()
  }

  /**
   * Stops writing and deletes this copy from the browser, for an article the user may no longer
   * read: what it holds could not be saved anyway, and it should not outlive their access.
   */
  clear(): void {
    const persistence = this.persistence
    this.persistence = null
    this.current = 'unavailable'
    this.emit('state', ['unavailable'])
    if (persistence) void persistence.clearData().catch(() => {})
  }

  private setState(next: OfflineCacheState): void {
    if (this.persistence === null || next === this.current) return
    this.current = next
    this.emit('state', [next])
  }
}
