import { useCallback, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { getMeta } from '../../../../shared/article/index.ts'

/** Reads one key of the article's `meta` map through `read`, re-rendering when that key changes. */
export function useMetaEntry<T>(doc: Y.Doc, field: string, read: (doc: Y.Doc) => T): T {
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
  return useSyncExternalStore(subscribe, () => read(doc))
}
