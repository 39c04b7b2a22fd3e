import { useId } from 'react'
import type * as Y from 'yjs'
import { META_LABELS, setMetaValue } from '../../../../shared/article/index.ts'
import { useMetaValue } from './useMetaValue.ts'

/** The section: a text input whose value is last-writer-wins (the whole value, not merged by character); read-only when asked. */
export function SectionInput({ doc, readOnly = false }: { doc: Y.Doc; readOnly?: boolean }) {
  const value = useMetaValue(doc, 'section')
  const id = useId()
  return (
    <div className="field field--section">
      <label htmlFor={id}>{META_LABELS.section}</label>
      <input
        id={id}
        type="text"
        name="section"
        autoComplete="off"
        value={value ?? ''}
        disabled={value === null}
        readOnly={readOnly}
        onChange={(event) => {
          if (!readOnly) setMetaValue(doc, 'section', event.target.value)
        }}
      />
    </div>
  )
}
