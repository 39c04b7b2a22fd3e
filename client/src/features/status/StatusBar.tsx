import { describeSaveStatus } from '../../collab/index.ts'
import { useOfflineCacheState, useSaveStatus, type OpenArticle } from '../../session/index.ts'
import { useWordCount } from './useWordCount.ts'

const numberFormat = new Intl.NumberFormat()

/**
 * The bar under the editor: word count, and the save status in a polite live region. The status
 * never claims more than the server acked (describeSaveStatus); "kept in this browser" is said only
 * while the offline cache is really writing.
 */
export function StatusBar({ session, cache }: OpenArticle) {
  const status = useSaveStatus(session)
  const cacheState = useOfflineCacheState(cache)
  const words = useWordCount(session.doc)
  const text = describeSaveStatus(status, cacheState === 'ready')
  return (
    <footer className="status-bar">
      <span className="status-bar__words">
        {numberFormat.format(words)} {words === 1 ? 'word' : 'words'}
      </span>
      <span className={`save-status save-status--${status.state}`}>
        <span className="save-status__dot" aria-hidden="true" />
        <span data-testid="save-status" role="status" aria-live="polite">
          {text}
        </span>
      </span>
      {cacheState === 'unavailable' && (
        <span className="status-bar__note">This browser cannot keep an offline copy</span>
      )}
    </footer>
  )
}
