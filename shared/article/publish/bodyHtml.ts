import sanitizeHtml from 'sanitize-html'
import type * as Y from 'yjs'
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror'
import { getBody } from '../articleDoc.ts'
import { COMMENT_MARK } from '../commentMark.ts'
import { FACT_MARK } from '../factMark.ts'

interface PmJson {
  type: string
  attrs?: Record<string, unknown>
  content?: PmJson[]
  text?: string
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;')

const BLOCK_TAGS: Record<string, string> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
}
const MARK_TAGS: Record<string, string> = { bold: 'strong', italic: 'em', strike: 's', underline: 'u' }

/** The opening and closing tags of a mark, or null for marks that are not published (comment anchors). */
function markTags(mark: { type: string; attrs?: Record<string, unknown> }): [string, string] | null {
  if (mark.type === COMMENT_MARK) return null
  if (mark.type === FACT_MARK) return [`<span data-fact-id="${escapeAttr(String(mark.attrs?.tagId ?? ''))}">`, '</span>']
  if (mark.type === 'link') return [`<a href="${escapeAttr(String(mark.attrs?.href ?? ''))}">`, '</a>']
  const tag = MARK_TAGS[mark.type]
  return tag ? [`<${tag}>`, `</${tag}>`] : null
}

function render(node: PmJson): string {
  const inner = () => (node.content ?? []).map(render).join('')
  switch (node.type) {
    case 'text': {
      let html = escapeText(node.text ?? '')
      for (const mark of [...(node.marks ?? [])].reverse()) {
        const tags = markTags(mark)
        if (tags) html = `${tags[0]}${html}${tags[1]}`
      }
      return html
    }
    case 'heading': {
      const level = node.attrs?.level === 3 ? 3 : 2
      return `<h${level}>${inner()}</h${level}>`
    }
    case 'hardBreak':
      return '<br>'
    case 'horizontalRule':
      return '<hr>'
    case 'orderedList': {
      const start = Number(node.attrs?.start ?? 1)
      return start !== 1 && Number.isInteger(start) ? `<ol start="${start}">${inner()}</ol>` : `<ol>${inner()}</ol>`
    }
    default: {
      const tag = BLOCK_TAGS[node.type]
      return tag ? `<${tag}>${inner()}</${tag}>` : inner()
    }
  }
}

/**
 * The allowlist a published body is sanitized with (sanitize-html): the body's own elements, links
 * to http(s) and mailto only, and fact tags' ids. No scripts, event handlers, styles or
 * `javascript:` URLs reach a reader, whatever was pasted or imported.
 */
export const PUBLISHED_HTML_POLICY: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'blockquote', 'ul', 'ol', 'li', 'strong', 'em', 's', 'u', 'a', 'span', 'br', 'hr'],
  allowedAttributes: { a: ['href'], span: ['data-fact-id'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
}

/** Sanitizes HTML with the published-body policy. */
export function sanitizePublishedHtml(html: string): string {
  return sanitizeHtml(html, PUBLISHED_HTML_POLICY)
}

/** The body as sanitized HTML: fact-tagged spans keep their tag id in `data-fact-id`; comment anchors are left out. */
export function bodyHtml(doc: Y.Doc): string {
  const json = yXmlFragmentToProsemirrorJSON(getBody(doc)) as PmJson
  return sanitizePublishedHtml(render(json))
}
