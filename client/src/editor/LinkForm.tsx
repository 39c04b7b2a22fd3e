import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { Editor } from '@tiptap/react'
import { normalizeLinkUrl } from './linkUrl.ts'

interface LinkFormProps {
  editor: Editor
  /** Called when the form is done (applied, removed or cancelled); focus goes back to the editor. */
  onClose: () => void
}

/**
 * Sets, changes or removes the link at the selection. Only http(s) and mailto addresses are
 * accepted; a bare host gets https://. Escape cancels.
 */
export function LinkForm({ editor, onClose }: LinkFormProps) {
  const current = editor.getAttributes('link').href
  const [value, setValue] = useState(typeof current === 'string' ? current : '')
  const [problem, setProblem] = useState<string | null>(null)
  const ids = useId()

  const close = (): void => {
    onClose()
    editor.commands.focus()
  }

  const apply = (event: FormEvent): void => {
    event.preventDefault()
    const href = normalizeLinkUrl(value)
    if (href === null) {
      setProblem('Enter a web address (https://…) or an e-mail address.')
      return
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run()
    onClose()
  }

  const remove = (): void => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run()
    onClose()
  }

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault()
      close()
    }
  }

  return (
    <form className="link-form" onSubmit={apply} onKeyDown={onKeyDown} aria-label="Link" noValidate>
      <label htmlFor={`${ids}-url`}>Link address</label>
      <input
        id={`${ids}-url`}
        type="url"
        inputMode="url"
        value={value}
        onChange={(event) => {
          setValue(event.target.value)
          setProblem(null)
        }}
        placeholder="https://"
        autoFocus
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${ids}-problem` : undefined}
      />
      <button type="submit" className="button button--primary button--small">
        Apply
      </button>
      {typeof current === 'string' && (
        <button type="button" className="button button--small" onClick={remove}>
          Remove link
        </button>
      )}
      <button type="button" className="button button--quiet button--small" onClick={close}>
        Cancel
      </button>
      {problem && (
        <p id={`${ids}-problem`} className="field__error link-form__problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  )
}
