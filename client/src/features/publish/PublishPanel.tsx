import { useId, useState } from 'react'
import type { ArticleSession } from '../../collab/index.ts'
import { toApiError } from '../../api/index.ts'
import { useSaveStatus } from '../../session/index.ts'
import { latestVersion, useWorkflow } from '../workflow/index.ts'
import { GateChecklist } from './GateChecklist.tsx'
import { MAX_PUBLISH_NOTE_CHARS, publishArticle, type GateReportItem } from './publishApi.ts'
import { usePublishChecklist } from './usePublishChecklist.ts'

type Outcome =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'published'; version: number }
  | { kind: 'refused'; gate: GateReportItem[] }
  | { kind: 'failed'; message: string }

const checks = (n: number) => `${n} check${n === 1 ? '' : 's'}`

/**
 * Publishing, for roles that may publish: the gate's checklist computed live from the document, with
 * "Override…" (and a reason) for the items that allow it; the correction note; and Publish, enabled
 * only while the checklist passes and every local change is saved (the server publishes what it has
 * stored). The server checks the gate again: a refusal shows its own list; success, the version.
 */
export function PublishPanel({ session }: { session: ArticleSession }) {
  const live = usePublishChecklist(session.doc)
  const save = useSaveStatus(session)
  const { changes } = useWorkflow(session.doc)
  const [note, setNote] = useState('')
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' })
  const ids = useId()
  const next = latestVersion(changes) + 1

  if (!live) return null
  const { snapshot, checklist } = live
  const pending = outcome.kind === 'pending'
  const waiting = !snapshot.passes
    ? `${checks(snapshot.blocking)} to handle before publishing.`
    : save.unsaved
      ? 'Waiting for your latest changes to be saved.'
      : `Every check passes: ready to publish version ${next}.`

  const publish = () => {
    const now = checklist.refresh()
    if (!now.passes || save.unsaved) return
    setOutcome({ kind: 'pending' })
    publishArticle(session.articleId, { note, overrides: now.overrides }).then(
      (result) => {
        if (result.published) {
          setNote('')
          checklist.clearOverrides()
          setOutcome({ kind: 'published', version: result.version })
        } else {
          setOutcome({ kind: 'refused', gate: result.gate })
        }
      },
      (err: unknown) => setOutcome({ kind: 'failed', message: toApiError(err).message }),
    )
  }

  return (
    <section className="panel publish" aria-labelledby={`${ids}-title`} data-testid="publish-panel">
      <h2 id={`${ids}-title`} className="panel__title">
        Publish
      </h2>
      <p id={`${ids}-summary`} className={`publish__summary publish__summary--${snapshot.passes ? 'ok' : 'blocked'}`} data-testid="gate-summary">
        {waiting}
      </p>
      <GateChecklist
        items={snapshot.items}
        testId="gate-checklist"
        onOverride={(id, reason) => checklist.setOverride(id, reason)}
        onClearOverride={(id) => checklist.clearOverride(id)}
      />
      <div className="field">
        <label htmlFor={`${ids}-note`}>Correction note (optional)</label>
        <textarea
          id={`${ids}-note`}
          rows={2}
          maxLength={MAX_PUBLISH_NOTE_CHARS}
          value={note}
          aria-describedby={`${ids}-note-hint`}
          onChange={(e) => setNote(e.target.value)}
        />
        <p id={`${ids}-note-hint`} className="field__hint">
          Carried in the published JSON as <code>edNote</code>. After the first publication, a version with a note is marked
          Corrected, one without Updated.
        </p>
      </div>
      <button
        type="button"
        className="button button--primary publish__button"
        disabled={!snapshot.passes || save.unsaved || pending}
        aria-describedby={`${ids}-summary`}
        onClick={publish}
        data-testid="publish-button"
      >
        {pending ? 'Publishing…' : 'Publish'}
      </button>
      <p className="publish__outcome" role="status" data-testid="publish-outcome">
        {outcome.kind === 'pending' && `Publishing version ${next}…`}
        {outcome.kind === 'published' && `Published version ${outcome.version}. It is listed under Published versions.`}
      </p>
      {outcome.kind === 'refused' && (
        <div className="form-error publish__refused" role="alert" data-testid="publish-refused">
          {/* The server's message ("…: see gate") speaks to API callers; its list speaks for itself. */}
          <p>Not published: the server’s checklist does not pass (a colleague may have changed the article).</p>
          <GateChecklist items={outcome.gate} />
        </div>
      )}
      {outcome.kind === 'failed' && (
        <p className="form-error" role="alert">
          Not published: {outcome.message}
        </p>
      )}
    </section>
  )
}
