import { useEffect, useState } from 'react'

interface CopyButtonProps {
  /** The text to copy. */
  text: string
  /** The button's accessible name, e.g. "Copy the token". */
  label: string
  /** The id of the field showing the text: selected when the clipboard is not available, so it can be copied by hand. */
  fieldId?: string
}

/**
 * Copies `text` to the clipboard and says so ("Copied") in a polite live region. Where the page may
 * not use the clipboard (plain http on another host, a refused permission) it selects the field and
 * says "press Ctrl+C" instead of pretending.
 */
export function CopyButton({ text, label, fieldId }: CopyButtonProps) {
  const [result, setResult] = useState<'copied' | 'manual' | null>(null)

  useEffect(() => {
    if (result !== 'copied') return
    const timer = setTimeout(() => setResult(null), 4000)
    return () => clearTimeout(timer)
  }, [result])

  const copy = async (): Promise<void> => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard')
      await navigator.clipboard.writeText(text)
      setResult('copied')
    } catch {
      const field = fieldId ? document.getElementById(fieldId) : null
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
        field.focus()
        field.select()
      }
      setResult('manual')
    }
  }

  return (
    <span className="copy-button">
      <button type="button" className="button button--small" onClick={() => void copy()} aria-label={label}>
        Copy
      </button>
      <span className="copy-button__result" role="status" aria-live="polite">
        {result === 'copied' && 'Copied'}
        {result === 'manual' && 'Could not copy: it is selected, press Ctrl+C (⌘C on a Mac)'}
      </span>
    </span>
  )
}
