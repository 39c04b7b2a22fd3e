import { useState } from 'react'

/**
 * A value being edited in a form over a live record: shows the record's value until the user
 * changes it, then the draft until it is saved or cancelled (so a colleague's change never
 * overwrites what is being typed, and an untouched field always shows the current value).
 */
export function useDraft<T>(value: T): { current: T; dirty: boolean; set: (next: T) => void; reset: () => void } {
  const [draft, setDraft] = useState<{ value: T } | null>(null)
  return {
    current: draft === null ? value : draft.value,
    dirty: draft !== null,
    set: (next) => setDraft({ value: next }),
    reset: () => setDraft(null),
  }
}
