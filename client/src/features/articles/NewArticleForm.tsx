import { useId, useState, type FormEvent } from 'react'
// From its own module: the article index pulls in the editor schema (Tiptap), which the list page must not load.
import { MAX_HEADLINE_CHARS } from '../../../../shared/article/articleSummary.ts'
import { useCreateArticle } from './useCreateArticle.ts'

/** Starts a new, empty article with an optional headline and opens it. */
export function NewArticleForm() {
  const { create, pending, error } = useCreateArticle()
  const [headline, setHeadline] = useState('')
  const id = useId()

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const trimmed = headline.trim()
    void create(trimmed ? { headline: trimmed } : {})
  }

  return (
    <form className="new-article" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        New article
      </h2>
      <div className="field">
        <label htmlFor={`${id}-headline`}>Headline</label>
        <input
          id={`${id}-headline`}
          type="text"
          value={headline}
          onChange={(event) => setHeadline(event.target.value)}
          placeholder="Optional: you can write it later"
          maxLength={MAX_HEADLINE_CHARS}
          autoComplete="off"
        />
      </div>
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? 'Creating…' : 'Create article'}
      </button>
      {error && (
        <p className="form-error" role="alert">
          Could not create the article: {error.message}
        </p>
      )}
    </form>
  )
}
