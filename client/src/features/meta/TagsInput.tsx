import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type * as Y from 'yjs'
import { META_LABELS } from '../../../../shared/article/index.ts'
import { useMetaTags } from './useMetaTags.ts'

/** A tag as it is stored: outer spaces trimmed, inner whitespace one space. */
function normalizeTag(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim()
}

/** The tags: a list of removable chips and an input that adds one on Enter; only the list when read-only. */
export function TagsInput({ doc, readOnly = false }: { doc: Y.Doc; readOnly?: boolean }) {
  const { tags, values } = useMetaTags(doc)
  const [draft, setDraft] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const id = useId()
  const count = values.length

  // The list changed (here or by a colleague): an earlier "already a tag" may no longer be true.
  useEffect(() => setMessage(null), [count])

  const add = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return
    event.preventDefault()
    const tag = normalizeTag(draft)
    if (!tags || tag === '') return
    if (values.some((existing) => existing.toLocaleLowerCase() === tag.toLocaleLowerCase())) {
      setMessage(`“${tag}” is already a tag.`)
      return
    }
    tags.push([tag])
    setDraft('')
    setMessage(null)
  }

  const remove = (index: number, tag: string): void => {
    if (!tags) return
    // A colleague may have changed the list since this render: delete the tag, not whatever is at index.
    const at = tags.get(index) === tag ? index : tags.toArray().indexOf(tag)
    if (at >= 0) tags.delete(at, 1)
    setMessage(null)
    input.current?.focus()
  }

  return (
    <div className="field field--tags">
      {readOnly ? (
        <span className="field__label" id={id}>
          {META_LABELS.tags}
        </span>
      ) : (
        <label htmlFor={id}>{META_LABELS.tags}</label>
      )}
      {readOnly && values.length === 0 && <p className="field__hint">No tags</p>}
      {values.length > 0 && (
        <ul className="tag-list" aria-labelledby={readOnly ? id : undefined} aria-label={readOnly ? undefined : 'Tag list'}>
          {values.map((tag, index) => (
            <li key={`${index}-${tag}`} className="tag">
              <span className="tag__text">{tag}</span>
              {!readOnly && (
                <button
                  type="button"
                  className="tag__remove"
                  aria-label={`Remove tag ${tag}`}
                  title={`Remove tag ${tag}`}
                  onClick={() => remove(index, tag)}
                  disabled={!tags}
                >
                  <span aria-hidden="true">×</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <input
          ref={input}
          id={id}
          type="text"
          name="tags"
          autoComplete="off"
          value={draft}
          placeholder="Add a tag, then press Enter"
          disabled={!tags}
          aria-describedby={message ? `${id}-message` : undefined}
          onChange={(event) => {
            setDraft(event.target.value)
            setMessage(null)
          }}
          onKeyDown={add}
        />
      )}
      {message && (
        <p id={`${id}-message`} className="field__hint" role="status">
          {message}
        </p>
      )}
    </div>
  )
}
