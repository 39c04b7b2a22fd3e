import type * as Y from 'yjs'
import { getMetaText, type MetaTextField } from '../../../../shared/article/index.ts'
import { useMetaEntry } from './useMetaEntry.ts'

/** The Y.Text of a metadata text field, or null until the server has created it; follows replacements. */
export function useMetaText(doc: Y.Doc, field: MetaTextField): Y.Text | null {
  return useMetaEntry(doc, field, (d) => getMetaText(d, field))
}
