import { Fragment, useEffect, useState } from 'react'
import { toApiError } from '../../api/index.ts'
import { Modal } from '../../ui/index.ts'
import { fetchVersionDiff, type DiffPart } from './publishApi.ts'
import { describeDiff, summarizeDiff } from './versionDiff.ts'

type Loaded = { status: 'loading' } | { status: 'loaded'; parts: DiffPart[] } | { status: 'failed'; message: string }

interface VersionDiffViewProps {
  articleId: string
  from: number
  to: number
  onClose: () => void
}

/**
 * The text's changes between two published versions in a dialog: the plain text with added words
 * in <ins> and removed ones in <del>, rendered as text, each also announced in words.
 */
export function VersionDiffView({ articleId, from, to, onClose }: VersionDiffViewProps) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' })

  useEffect(() => {
    const abort = new AbortController()
    setLoaded({ status: 'loading' })
    fetchVersionDiff(articleId, from, to, abort.signal).then(
      (parts) => {
        if (!abort.signal.aborted) setLoaded({ status: 'loaded', parts })
      },
      (err: unknown) => {
        if (!abort.signal.aborted) setLoaded({ status: 'failed', message: toApiError(err).message })
      },
    )
    return () => abort.abort()
  }, [articleId, from, to])

  return (
    <Modal title={`Changes from version ${from} to version ${to}`} onClose={onClose} className="version-diff-dialog" testId="version-diff">
      {loaded.status === 'loading' && <p role="status">Comparing…</p>}
      {loaded.status === 'failed' && (
        <p className="form-error" role="alert">
          Could not compare the versions: {loaded.message}
        </p>
      )}
      {loaded.status === 'loaded' && (
        <>
          <p className="version-diff__summary" data-testid="diff-summary">
            {describeDiff(summarizeDiff(loaded.parts))}
          </p>
          <div className="version-diff" role="region" tabIndex={0} aria-label="The text, with additions and removals marked" data-testid="diff-text">
            {loaded.parts.map((part, i) => (
              <Fragment key={i}>
                {part.added || part.removed ? <span className="visually-hidden">{part.added ? '[added: ' : '[removed: '}</span> : null}
                {part.added ? <ins>{part.value}</ins> : part.removed ? <del>{part.value}</del> : part.value}
                {part.added || part.removed ? <span className="visually-hidden">]</span> : null}
              </Fragment>
            ))}
          </div>
        </>
      )}
    </Modal>
  )
}
