import { useEffect, useId, useState } from 'react'
import { toApiError } from '../../api/index.ts'
import { Modal } from '../../ui/index.ts'
import { PUBLISHED_PROFILES, fetchPublished, publishedUrl, type PublishedProfile } from './publishApi.ts'

const PROFILE_LABELS: Record<PublishedProfile, string> = {
  galley: 'Galley (ninjs with fact checks)',
  ninjs: 'ninjs (IPTC’s schema as is)',
}

type Loaded = { status: 'loading' } | { status: 'loaded'; json: string } | { status: 'failed'; message: string }

interface VersionViewerProps {
  articleId: string
  version: number
  onClose: () => void
}

/**
 * One published version in a dialog: its JSON pretty-printed as text in a <pre>, in either profile,
 * with a link that downloads exactly the stored bytes.
 */
export function VersionViewer({ articleId, version, onClose }: VersionViewerProps) {
  const [profile, setProfile] = useState<PublishedProfile>('galley')
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' })
  const ids = useId()

  useEffect(() => {
    const abort = new AbortController()
    setLoaded({ status: 'loading' })
    fetchPublished(articleId, version, profile, abort.signal).then(
      (document) => {
        if (!abort.signal.aborted) setLoaded({ status: 'loaded', json: JSON.stringify(document, null, 2) })
      },
      (err: unknown) => {
        if (!abort.signal.aborted) setLoaded({ status: 'failed', message: toApiError(err).message })
      },
    )
    return () => abort.abort()
  }, [articleId, version, profile])

  return (
    <Modal title={`Version ${version}`} onClose={onClose} className="version-viewer" testId="version-viewer">
      <div className="version-viewer__bar">
        <fieldset className="version-viewer__profiles">
          <legend>Profile</legend>
          {PUBLISHED_PROFILES.map((p) => (
            <label key={p}>
              <input type="radio" name={`${ids}-profile`} value={p} checked={profile === p} onChange={() => setProfile(p)} data-autofocus={p === profile ? '' : undefined} />{' '}
              {PROFILE_LABELS[p]}
            </label>
          ))}
        </fieldset>
        <a className="button button--small" href={publishedUrl(articleId, version, profile, true)} download data-testid="download-version">
          Download JSON
        </a>
      </div>
      {loaded.status === 'loading' && <p role="status">Loading version {version}…</p>}
      {loaded.status === 'failed' && (
        <p className="form-error" role="alert">
          Could not load version {version}: {loaded.message}
        </p>
      )}
      {loaded.status === 'loaded' && (
        // Focusable, so the keyboard can scroll it.
        <pre className="version-viewer__json" role="region" tabIndex={0} aria-label={`Version ${version}, ${profile} profile, as JSON`} data-testid="version-json">
          {loaded.json}
        </pre>
      )}
    </Modal>
  )
}
