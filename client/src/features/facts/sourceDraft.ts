import type { FactSource } from '../../../../shared/article/index.ts'

/** Longest title, note or name the server accepts (shared/article/facts.ts MAX_FACT_TEXT_CHARS). */
export const MAX_FIELD_CHARS = 2000

/**
 * An address as a record may hold it: '' for none, else an absolute http(s) URL (a bare host gets
 * https://); null when it is not one. The server accepts http(s) only (no javascript:, data:, file:).
 */
export function normalizeHttpUrl(raw: string): string | null {
  const value = raw.trim()
  if (value === '') return ''
  if (/\s/.test(value)) return null
  const candidate = /^[a-z][a-z\d+.-]*:/i.test(value) ? value : `https://${value}`
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (!url.hostname.includes('.') && url.hostname !== 'localhost' && !url.hostname.startsWith('[')) return null
  return url.href
}

/** Today's date in the user's time zone, YYYY-MM-DD (a source's default "accessed" date). */
export function todayIso(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** A source being typed in the card. */
export interface SourceDraft {
  url: string
  title: string
  note: string
  accessedAt: string
}

/** The source to add, or why it cannot be added: it needs an address or a title; the address must be http(s). */
export function sourceFromDraft(draft: SourceDraft): { source: FactSource } | { problem: string } {
  const url = normalizeHttpUrl(draft.url)
  if (url === null) return { problem: 'Enter a web address starting with http:// or https://, or leave it empty.' }
  const title = draft.title.trim()
  if (url === '' && title === '') return { problem: 'Give the source an address or a title.' }
  if (draft.accessedAt !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(draft.accessedAt)) return { problem: 'Enter the date the source was consulted.' }
  return { source: { url, title, note: draft.note.trim(), accessedAt: draft.accessedAt } }
}
