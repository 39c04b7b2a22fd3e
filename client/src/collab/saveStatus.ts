import type { ErrorBody } from '../../../shared/protocol/index.ts'

/**
 * What the editor tells its user about their changes. It never claims more than the server acked:
 * - `connecting`: not yet joined; nothing typed yet is known to be stored;
 * - `saving`: changes sent, not all acked ("Saving…");
 * - `saved`: every local change acked as durably stored ("All changes saved");
 * - `read-only`: joined, the user's role cannot change the article, and this browser holds nothing
 *   the server lacks ("Read only");
 * - `offline`: no connection; `unsaved` says whether local changes wait for it
 *   ("Offline — changes kept in this browser");
 * - `error`: the server refused a change, it could not be sent, or access was removed; `error` says why.
 */
export type SaveState = 'connecting' | 'saving' | 'saved' | 'read-only' | 'offline' | 'error'

export interface SaveStatus {
  state: SaveState
  /** True while some local change is not yet known to be stored on the server. */
  unsaved: boolean
  error: ErrorBody | null
}

/** The words the status bar shows for a status. */
export function describeSaveStatus(status: SaveStatus, offlineCache: boolean): string {
  switch (status.state) {
    case 'connecting':
      return status.unsaved ? 'Connecting… changes not yet saved' : 'Connecting…'
    case 'saving':
      return 'Saving…'
    case 'saved':
      return 'All changes saved'
    case 'read-only':
      return 'Read only'
    case 'offline':
      if (!status.unsaved) return 'Offline'
      return offlineCache ? 'Offline — changes kept in this browser' : 'Offline — changes not yet saved'
    case 'error':
      return `Not saved: ${status.error?.message ?? 'unknown error'}`
  }
}
