import { useId, useState, type ChangeEvent, type FormEvent } from 'react'
// From its own module: the article index pulls in the editor schema (Tiptap), which the list page must not load.
import { MAX_HEADLINE_CHARS } from '../../../../shared/article/articleSummary.ts'
import { useCreateArticle } from './useCreateArticle.ts'

/**
 * Creates an article from plain text (wire copy): pasted into the box or read from a .txt file,
 * with an optional headline. The server's importer finds headline, dateline, subheadings and credit.
 */
export function ImportTextForm() {
  const { create, pending, error } = useCreateArticle()
  const [headline, setHeadline] = useState('')
  const [text, setText] = useState('')
  const [fileProblem, setFileProblem] = useState<string | null>(null)
  const [fileName, setFileName] = useState<string | null>(null)
  const id = useId()

  const pickFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0]
    setFileProblem(null)
    if (!file) return
    if (file.type !== '' && !file.type.startsWith('text/')) {
      setFileProblem(`${file.name} is not a plain-text file.`)
      return
    }
    try {
      setText(await file.text())
      setFileName(file.name)
    } catch {
      setFileProblem(`Could not read ${file.name}.`)
    }
  }

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (text.trim() === '') return
    const trimmed = headline.trim()
    void create(trimmed ? { headline: trimmed, text } : { text })
  }

  return (
    <form className="import-text" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        Import text
      </h2>
      <div className="field">
        <label htmlFor={`${id}-text`}>Text</label>
        <p id={`${id}-text-hint`} className="field__hint">
          Paste wire copy or choose a .txt file. A first short line becomes the headline; blank lines separate paragraphs.
        </p>
        <textarea
          id={`${id}-text`}
          value={text}
          onChange={(event) => {
            setText(event.target.value)
            setFileName(null)
          }}
          rows={8}
          aria-describedby={`${id}-text-hint`}
          spellCheck={false}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>Text file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".txt,text/plain"
          onChange={(event) => void pickFile(event)}
          aria-describedby={fileProblem ? `${id}-file-problem` : undefined}
        />
        {fileName && !fileProblem && <p className="field__hint">Loaded {fileName} into the text box.</p>}
        {fileProblem && (
          <p id={`${id}-file-problem`} className="field__error" role="alert">
            {fileProblem}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-headline`}>Headline (optional)</label>
        <input
          id={`${id}-headline`}
          type="text"
          value={headline}
          onChange={(event) => setHeadline(event.target.value)}
          maxLength={MAX_HEADLINE_CHARS}
          autoComplete="off"
        />
      </div>
      <button type="submit" className="button button--primary" disabled={pending || text.trim() === ''}>
        {pending ? 'Importing…' : 'Import article'}
      </button>
      {error && (
        <p className="form-error" role="alert">
          Could not import the text: {error.message}
        </p>
      )}
    </form>
  )
}
