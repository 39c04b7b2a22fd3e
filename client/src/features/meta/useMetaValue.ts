import { useCallback, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { getMeta, type MetaValueField } from '../../../../shared/article/index.ts'

/** A last-writer-wins metadata value, or null until the server has created the field. */
export function useMetaValue(doc: Y.Doc, field: MetaValueField): string | null {
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
  return useSyncExternalStore(subscribe, () => {
    const value = getMeta(doc).get(field)
    return typeof value === 'string' ? value : null
  })
}
