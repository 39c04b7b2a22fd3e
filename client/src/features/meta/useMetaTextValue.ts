import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { MetaTextField } from '../../../../shared/article/index.ts'
import { useMetaText } from './useMetaText.ts'

/** The current string of a metadata text field ('' until it exists), following every edit. */
export function useMetaTextValue(doc: Y.Doc, field: MetaTextField): string {
  const text = useMetaText(doc, field)
  const [value, setValue] = useState(() => text?.toString() ?? '')

  useEffect(() => {
    if (!text) {
      setValue('')
      return
    }
    const update = (): void => setValue(text.toString())
    update()
    text.observe(update)
    return () => text.unobserve(update)
  }, [text])

  return value
}
