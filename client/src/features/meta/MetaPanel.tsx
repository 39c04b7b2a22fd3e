import { useId } from 'react'
import type * as Y from 'yjs'
import { DatelineDateInput } from './DatelineDateInput.tsx'
import { MetaTextInput } from './MetaTextInput.tsx'
import { SectionInput } from './SectionInput.tsx'
import { TagsInput } from './TagsInput.tsx'

/** The article's details beside the story: byline, dateline, section, slug, image credit, tags. */
export function MetaPanel({ doc }: { doc: Y.Doc }) {
  const headingId = useId()
  return (
    <section className="meta-panel panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        Details
      </h2>
      <MetaTextInput doc={doc} field="byline" placeholder="By …" />
      <div className="field-row">
        <MetaTextInput doc={doc} field="datelinePlace" placeholder="City" />
        <DatelineDateInput doc={doc} />
      </div>
      <SectionInput doc={doc} />
      <MetaTextInput doc={doc} field="slug" hint="Short internal name, e.g. blinken-ukraine-talks" />
      <MetaTextInput doc={doc} field="imageCredit" />
      <TagsInput doc={doc} />
    </section>
  )
}
