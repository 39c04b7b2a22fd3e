import { useEffect } from 'react'
import type { OfflineCacheState, SaveStatus } from '../collab/index.ts'
import { markUnsavedWork } from '../services/index.ts'

/**
 * Asks the browser to confirm leaving the page (close, reload, another address) while changes exist
 * only in this page: not yet stored on the server and not kept in this browser's offline cache.
 * Also records them for hasUnsavedWork(), which signing out consults.
 */
export function useUnsavedChangesGuard(status: SaveStatus, cacheState: OfflineCacheState): void {
  const atRisk = status.unsaved && cacheState !== 'ready'
  useEffect(() => {
    if (!atRisk) return
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      event.returnValue = ''
    }
    const owner = {}
    markUnsavedWork(owner, true)
    window.addEventListener('beforeunload', warn)
    return () => {
      markUnsavedWork(owner, false)
      window.removeEventListener('beforeunload', warn)
    }
  }, [atRisk])
}
