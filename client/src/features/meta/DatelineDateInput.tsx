import { useEffect, useId, useState } from 'react'
import type * as Y from 'yjs'
import { META_LABELS, isDatelineDate, setMetaValue } from '../../../../shared/article/index.ts'
import { useMetaValue } from './useMetaValue.ts'

/**
 * The dateline date: a date input, last writer wins. Only '' or a real `YYYY-MM-DD` date is written;
 * anything else (possible where the browser shows a plain text box) is reported and kept local.
 * Read-only when asked.
 */
export function DatelineDateInput({ doc, readOnly = false }: { doc: Y.Doc; readOnly?: boolean }) {
  const value = useMetaValue(doc, 'datelineDate')
  const [draft, setDraft] = useState(value ?? '')
  const [invalid, setInvalid] = useState(false)
  const id = useId()

  // A colleague set the date: show theirs.
  useEffect(() => {
    setDraft(value ?? '')
    setInvalid(false)
  }, [value])

  return (
    <div className="field field--datelineDate">
      <label htmlFor={id}>{META_LABELS.datelineDate}</label>
      <input
        id={id}
        type="date"
        name="datelineDate"
        value={draft}
        disabled={value === null}
        readOnly={readOnly}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-problem` : undefined}
        onChange={(event) => {
          if (readOnly) return
          const next = event.target.value
          setDraft(next)
          const ok = isDatelineDate(next)
          setInvalid(!ok)
          if (ok && next !== value) setMetaValue(doc, 'datelineDate', next)
        }}
      />
      {invalid && (
        <p id={`${id}-problem`} className="field__error" role="alert">
          Enter a real date as YYYY-MM-DD, or leave it empty.
        </p>
      )}
    </div>
  )
}
