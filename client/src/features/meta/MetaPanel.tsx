import { useId } from 'react'
import type * as Y from 'yjs'
import { DatelineDateInput } from './DatelineDateInput.tsx'
import { MetaTextInput } from './MetaTextInput.tsx'
import { SectionInput } from './SectionInput.tsx'
import { TagsInput } from './TagsInput.tsx'

/** The article's details beside the story: byline, dateline, section, slug, image credit, tags; read-only when asked. */
export function MetaPanel({ doc, readOnly = false }: { doc: Y.Doc; readOnly?: boolean }) {
  const headingId = useId()
  return (
    <section className="meta-panel panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        Details
      </h2>
      <MetaTextInput doc={doc} field="byline" placeholder="By …" readOnly={readOnly} />
      <div className="field-row">
        <MetaTextInput doc={doc} field="datelinePlace" placeholder="City" readOnly={readOnly} />
        <DatelineDateInput doc={doc} readOnly={readOnly} />
      </div>
      <SectionInput doc={doc} readOnly={readOnly} />
      <MetaTextInput doc={doc} field="slug" hint="Short internal name, e.g. blinken-ukraine-talks" readOnly={readOnly} />
      <MetaTextInput doc={doc} field="imageCredit" readOnly={readOnly} />
      <TagsInput doc={doc} readOnly={readOnly} />
    </section>
  )
}
