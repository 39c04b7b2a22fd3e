import type * as Y from 'yjs'
import { getMeta, type MetaValueField } from '../../../../shared/article/index.ts'
import { useMetaEntry } from './useMetaEntry.ts'

/** A last-writer-wins metadata value, or null until the server has created the field. */
export function useMetaValue(doc: Y.Doc, field: MetaValueField): string | null {
  return useMetaEntry(doc, field, (d) => {
    const value = getMeta(d).get(field)
    return typeof value === 'string' ? value : null
  })
}
