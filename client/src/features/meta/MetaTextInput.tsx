import { useEffect, useId, useRef } from 'react'
import type * as Y from 'yjs'
import { META_LABELS, type MetaTextField } from '../../../../shared/article/index.ts'
import { bindTextInput } from './bindTextInput.ts'
import { useMetaText } from './useMetaText.ts'

interface MetaTextInputProps {
  doc: Y.Doc
  field: MetaTextField
  /** A textarea instead of a one-line input. */
  multiline?: boolean
  /** A short help text under the label. */
  hint?: string
  placeholder?: string
  className?: string
  /** True for a role that cannot change the article: the field can be read and selected, not typed in. */
  readOnly?: boolean
}

/**
 * One co-edited metadata text field: a labelled input bound to its Y.Text (bindTextInput), disabled
 * until the server has created the Y.Text, read-only (still following colleagues' edits) when asked.
 */
export function MetaTextInput({ doc, field, multiline = false, hint, placeholder, className, readOnly = false }: MetaTextInputProps) {
  const text = useMetaText(doc, field)
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null)
  const id = useId()

  useEffect(() => {
    const element = ref.current
    if (!element || !text) return
    return bindTextInput(element, text)
  }, [text])

  const common = {
    id,
    ref,
    name: field,
    disabled: text === null,
    readOnly,
    placeholder: readOnly ? undefined : placeholder,
    'aria-describedby': hint ? `${id}-hint` : undefined,
    'data-meta-field': field,
  }

  return (
    <div className={`field field--${field} ${className ?? ''}`}>
      <label htmlFor={id}>{META_LABELS[field]}</label>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {multiline ? <textarea {...common} rows={3} /> : <input {...common} type="text" autoComplete="off" />}
    </div>
  )
}
