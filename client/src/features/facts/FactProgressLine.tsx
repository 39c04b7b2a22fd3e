import type { FactProgress } from './factGrouping.ts'

/** The progress figure: verified claims and quotes out of all of them still in the text. */
export function FactProgressLine({ progress }: { progress: FactProgress }) {
  if (progress.total === 0) return <p className="fact-progress fact-progress--empty">No claims or quotes tagged yet.</p>
  const label = `${progress.verified} of ${progress.total} claims and quotes verified`
  return (
    <div className="fact-progress" data-testid="fact-progress">
      <p className="fact-progress__text">
        <strong>{progress.verified}</strong> of {progress.total} claims and quotes verified
      </p>
      <progress className="fact-progress__bar" value={progress.verified} max={progress.total} aria-label={label} />
    </div>
  )
}
