import { useEffect, useId, useRef, type CSSProperties, type KeyboardEvent } from 'react'
import { RelativeTime } from '../../ui/index.ts'
import { FactDeleteButton } from './FactDeleteButton.tsx'
import { FactEntityFields } from './FactEntityFields.tsx'
import { entryText, type FactEntry } from './factEntries.ts'
import { FactHistory } from './FactHistory.tsx'
import { FactKindField } from './FactKindField.tsx'
import { KIND_LABELS } from './factLabels.ts'
import { FactNoteField } from './FactNoteField.tsx'
import { isEntityKind, type FactsController } from './factsController.ts'
import { FactSourcesField } from './FactSourcesField.tsx'
import { FactSpeakerField } from './FactSpeakerField.tsx'
import { FactStatusBadge } from './FactStatusBadge.tsx'
import { FactStatusField } from './FactStatusField.tsx'
import { RecheckNotice } from './RecheckNotice.tsx'

interface FactCardProps {
  entry: FactEntry
  controller: FactsController
  canTag: boolean
  canCheck: boolean
  /** The article's person tags (for a quote's speaker). */
  people: readonly FactEntry[]
  /** Where the card sits (set by FactsLayer). */
  style?: CSSProperties
  /** Move the focus into the card when it opens (opened from the keyboard or the panel). */
  takeFocus: boolean
  /** Closes the card; focus goes back where it came from. */
  onClose: () => void
}

/**
 * One tag's record: kind, status, the words (and, for a tag that needs a recheck, the verified words
 * beside them), sources, a quote's speaker, an entity's canonical name and URI, the note and the
 * history. Roles with checkFacts edit the status and checking fields, roles with tagFacts the kind
 * and may delete the tag; everything typed is rendered as text. A non-modal dialog: Escape or Close
 * closes it, hovering or focusing it keeps it open.
 */
export function FactCard({ entry, controller, canTag, canCheck, people, style, takeFocus, onClose }: FactCardProps) {
  const { record } = entry
  const ids = useId()
  const ref = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (takeFocus) ref.current?.focus()
  }, [takeFocus, record.id])

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onClose()
    }
  }

  return (
    <div
      ref={ref}
      className="fact-card"
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${ids}-title`}
      tabIndex={-1}
      style={style}
      data-testid="fact-card"
      data-fact-id={record.id}
      onKeyDown={onKeyDown}
      onMouseEnter={() => controller.holdCard()}
      onMouseLeave={() => controller.releaseCard()}
      onFocus={() => controller.pinCard()}
    >
      <div className="fact-card__header">
        <h2 id={`${ids}-title`} className="fact-card__title">
          {KIND_LABELS[record.kind]}
        </h2>
        <FactStatusBadge status={record.status} />
        <button type="button" className="button button--quiet button--small fact-card__close" onClick={onClose} aria-label="Close the fact card">
          Close
        </button>
      </div>
      <blockquote className="fact-card__quote">
        {entryText(entry)}
        {entry.orphaned && <span className="fact-card__muted"> (its text was deleted from the story)</span>}
      </blockquote>
      <RecheckNotice record={record} text={entry.text} />
      <FactStatusField record={record} controller={controller} canCheck={canCheck} />
      <FactKindField record={record} controller={controller} canTag={canTag} />
      {record.kind === 'quote' && <FactSpeakerField record={record} controller={controller} canCheck={canCheck} people={people} />}
      {(isEntityKind(record.kind) || record.kind === 'date') && (
        <FactEntityFields record={record} controller={controller} canCheck={canCheck} withUri={isEntityKind(record.kind)} />
      )}
      <FactSourcesField record={record} controller={controller} canCheck={canCheck} />
      <FactNoteField record={record} controller={controller} canCheck={canCheck} />
      <p className="fact-card__muted">
        Tagged by {record.createdBy.name || 'someone'} <RelativeTime iso={record.createdAt} />
        {record.verifiedBy && record.status === 'verified' && (
          <>
            {' '}
            · verified by {record.verifiedBy.name} {record.verifiedAt && <RelativeTime iso={record.verifiedAt} />}
          </>
        )}
      </p>
      <FactHistory record={record} />
      {canTag && (
        <div className="fact-card__footer">
          <FactDeleteButton tagId={record.id} controller={controller} />
        </div>
      )}
    </div>
  )
}
