import { useCallback, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { getMeta, getMetaText, type MetaTextField } from '../../../../shared/article/index.ts'

/** The Y.Text of a metadata text field, or null until the server has created it; follows replacements. */
export function useMetaText(doc: Y.Doc, field: MetaTextField): Y.Text | null {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const meta = getMeta(doc)
      const observer = (event: Y.YMapEvent<unknown>): void => {
        if (event.keysChanged.has(field)) onChange()
      }
      meta.observe(observer)
      return () => meta.unobserve(observer)
    },
    [doc, field],
  )
  return useSyncExternalStore(subscribe, () => getMetaText(doc, field))
}
