import { useId, useState, type FormEvent } from 'react'
import { RelativeTime } from '../../ui/index.ts'
import { publishedUrl } from './publishApi.ts'
import { useVersions } from './useVersions.ts'
import { VersionDiffView } from './VersionDiffView.tsx'
import { VersionViewer } from './VersionViewer.tsx'
import { defaultComparison } from './versionDiff.ts'

interface VersionsPanelProps {
  articleId: string
  /** Changes whenever a publication is recorded in the live document, so the list is fetched again. */
  refresh: unknown
}

/**
 * The article's published versions, newest first — number, when, by whom, the note — each with
 * "View" (its JSON in either profile) and "Download"; with two or more, a comparison of the text
 * between any two.
 */
export function VersionsPanel({ articleId, refresh }: VersionsPanelProps) {
  const [state, reload] = useVersions(articleId, refresh)
  const [viewing, setViewing] = useState<number | null>(null)
  const [comparing, setComparing] = useState<{ from: number; to: number } | null>(null)
  const [choice, setChoice] = useState<{ from: number; to: number } | null>(null)
  const ids = useId()

  const numbers = state.status === 'loaded' ? state.value.map((v) => v.version) : []
  const fallback = defaultComparison(numbers)
  // The user's choice while both versions still exist, else the latest two.
  const pair = choice && numbers.includes(choice.from) && numbers.includes(choice.to) ? choice : fallback

  const compare = (event: FormEvent) => {
    event.preventDefault()
    if (pair) setComparing(pair)
  }

  return (
    <section className="panel versions" aria-labelledby={`${ids}-title`} data-testid="versions">
      <h2 id={`${ids}-title`} className="panel__title">
        Published versions
      </h2>
      {state.status === 'loading' && <p className="versions__message">Loading…</p>}
      {state.status === 'failed' && (
        <p className="versions__message form-error" role="alert">
          Could not load the versions: {state.error.message}{' '}
          <button type="button" className="button button--quiet button--small" onClick={reload}>
            Try again
          </button>
        </p>
      )}
      {state.status === 'loaded' && state.value.length === 0 && <p className="versions__message">Not published yet.</p>}
      {state.status === 'loaded' && state.value.length > 0 && (
        <ol className="versions__list" reversed>
          {[...state.value].reverse().map((v) => (
            <li key={v.version} className="versions__item" data-version={v.version}>
              <p className="versions__head">
                <strong>Version {v.version}</strong>
                <span className="versions__when">
                  <RelativeTime iso={v.publishedAt} />, by {v.publishedBy}
                </span>
              </p>
              {v.note && <p className="versions__note">{v.note}</p>}
              <p className="versions__actions">
                <button type="button" className="button button--small" onClick={() => setViewing(v.version)} aria-label={`View version ${v.version}`}>
                  View
                </button>
                <a className="button button--small" href={publishedUrl(articleId, v.version, 'galley', true)} download aria-label={`Download version ${v.version} (Galley JSON)`}>
                  Download
                </a>
              </p>
            </li>
          ))}
        </ol>
      )}
      {pair && (
        <form className="versions__compare" onSubmit={compare} aria-labelledby={`${ids}-compare`}>
          <h3 id={`${ids}-compare`} className="versions__subtitle">
            Compare the text
          </h3>
          <div className="field-row">
            <VersionSelect label="From" numbers={numbers} value={pair.from} onChange={(from) => setChoice({ ...pair, from })} />
            <VersionSelect label="To" numbers={numbers} value={pair.to} onChange={(to) => setChoice({ ...pair, to })} />
          </div>
          <button type="submit" className="button button--small" disabled={pair.from === pair.to}>
            Compare
          </button>
        </form>
      )}
      {viewing !== null && <VersionViewer articleId={articleId} version={viewing} onClose={() => setViewing(null)} />}
      {comparing && <VersionDiffView articleId={articleId} from={comparing.from} to={comparing.to} onClose={() => setComparing(null)} />}
    </section>
  )
}

function VersionSelect({ label, numbers, value, onChange }: { label: string; numbers: number[]; value: number; onChange: (n: number) => void }) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {numbers.map((n) => (
          <option key={n} value={n}>
            Version {n}
          </option>
        ))}
      </select>
    </div>
  )
}
