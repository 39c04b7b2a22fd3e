/**
 * The article's metadata fields. Text fields are Y.Text so two editors typing in the headline merge
 * character by character; value fields are last-writer-wins; tags are a Y.Array of strings.
 */
export const META_TEXT_FIELDS = ['headline', 'standfirst', 'byline', 'datelinePlace', 'slug', 'imageCredit'] as const
export const META_VALUE_FIELDS = ['datelineDate', 'section'] as const
export const META_TAGS_FIELD = 'tags'

export type MetaTextField = (typeof META_TEXT_FIELDS)[number]
export type MetaValueField = (typeof META_VALUE_FIELDS)[number]

/** A plain snapshot of an article's metadata. `datelineDate` is `YYYY-MM-DD` or ''. */
export type ArticleMeta = Record<MetaTextField | MetaValueField, string> & { tags: string[] }

/** Human labels for the metadata form and error messages. */
export const META_LABELS: Record<MetaTextField | MetaValueField | 'tags', string> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  byline: 'Byline',
  datelinePlace: 'Dateline place',
  datelineDate: 'Dateline date',
  section: 'Section',
  slug: 'Slug',
  imageCredit: 'Image credit',
  tags: 'Tags',
}

/** Metadata with every field empty. */
export function emptyMeta(): ArticleMeta {
  return {
    headline: '',
    standfirst: '',
    byline: '',
    datelinePlace: '',
    slug: '',
    imageCredit: '',
    datelineDate: '',
    section: '',
    tags: [],
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** True for '' or a real calendar date written `YYYY-MM-DD`. */
export function isDatelineDate(value: string): boolean {
  if (value === '') return true
  if (!ISO_DATE.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}
