import type { ReactNode } from 'react'
import type { ToolId } from './toolbarTools.ts'

const svg = (children: ReactNode): ReactNode => (
  <svg viewBox="0 0 20 20" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
    {children}
  </svg>
)

const ICONS: Record<ToolId, ReactNode> = {
  paragraph: <span className="tool-glyph">¶</span>,
  heading2: <span className="tool-glyph">H2</span>,
  heading3: <span className="tool-glyph">H3</span>,
  bold: <span className="tool-glyph tool-glyph--bold">B</span>,
  italic: <span className="tool-glyph tool-glyph--italic">I</span>,
  link: svg(
    <>
      <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5l-1 1" />
      <path d="M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1" />
    </>,
  ),
  blockquote: <span className="tool-glyph tool-glyph--quote">“</span>,
  bulletList: svg(
    <>
      <circle cx="4.5" cy="6" r="0.9" fill="currentColor" />
      <circle cx="4.5" cy="10" r="0.9" fill="currentColor" />
      <circle cx="4.5" cy="14" r="0.9" fill="currentColor" />
      <path d="M8 6h8M8 10h8M8 14h8" />
    </>,
  ),
  orderedList: svg(
    <>
      <path d="M3.5 4.5h1.2v3.5M3.4 8h2.5" strokeWidth="1.3" />
      <path d="M3.5 12.2c.3-.6 2.3-.7 2.3.4 0 .9-2.3 1.6-2.3 2.9h2.4" strokeWidth="1.3" />
      <path d="M8.5 6h7.5M8.5 14h7.5" />
    </>,
  ),
  undo: svg(
    <>
      <path d="M7 4.5 3.5 8 7 11.5" />
      <path d="M3.5 8h8a4.5 4.5 0 0 1 0 9H9" />
    </>,
  ),
  redo: svg(
    <>
      <path d="M13 4.5 16.5 8 13 11.5" />
      <path d="M16.5 8h-8a4.5 4.5 0 0 0 0 9H11" />
    </>,
  ),
  comment: svg(
    <>
      <path d="M4 4.5h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H9l-3.5 3v-3H4a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1Z" />
      <path d="M10 7v4M8 9h4" />
    </>,
  ),
  clearFormatting: svg(
    <>
      <path d="M5 4.5h10M10 4.5 7.5 15.5" />
      <path d="m12 12 4 4M16 12l-4 4" />
    </>,
  ),
  tagFact: svg(
    <>
      <path d="M3.5 4.5h6l7 7-5 5-7-7Z" />
      <circle cx="7" cy="8" r="1" fill="currentColor" />
      <path d="M4 18h12" strokeDasharray="2 2" />
    </>,
  ),
}

/** The icon of a toolbar button: decorative, the button's aria-label names it. */
export function ToolIcon({ id }: { id: ToolId }) {
  return <>{ICONS[id]}</>
}
