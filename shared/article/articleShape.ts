import * as Y from 'yjs'
import { getMeta } from './articleDoc.ts'
import { META_TAGS_FIELD, META_TEXT_FIELDS, META_VALUE_FIELDS } from './metaFields.ts'

/** The id of the item that holds a shared type, or null for a root type or a non-type. */
function itemKey(value: unknown): string | null {
  if (!(value instanceof Y.AbstractType) || value._item === null) return null
  return `${value._item.id.client}:${value._item.id.clock}`
}

/**
 * Why `candidate` (the reference plus a client's update) breaks the article's shape, or null when it
 * keeps it. The metadata's nested Y.Text and Y.Array values are created once by the server: a client
 * that replaces or deletes one would wipe the field for everyone and leave the editors without it.
 * Value fields must stay strings.
 */
export function articleShapeProblem(candidate: Y.Doc, reference: Y.Doc): string | null {
  const before = getMeta(reference)
  const after = getMeta(candidate)
  for (const field of [...META_TEXT_FIELDS, META_TAGS_FIELD]) {
    const expected = itemKey(before.get(field))
    if (expected !== null && itemKey(after.get(field)) !== expected) return `meta.${field} may not be replaced or removed`
  }
  for (const field of META_VALUE_FIELDS) {
    if (before.has(field) && typeof after.get(field) !== 'string') return `meta.${field} must be a string`
  }
  return null
}
