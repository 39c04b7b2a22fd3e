/** Schemes a link in a story may use; anything else (javascript:, data:, file:) is refused. */
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i
const BARE_EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/

/**
 * The address a link should point to, or null when `raw` is not an http(s) or mailto address.
 * A bare host gets https:// (`example.com/x`), a bare e-mail address mailto: (`desk@example.com`).
 */
export function normalizeLinkUrl(raw: string): string | null {
  const value = raw.trim()
  if (value === '' || /\s/.test(value)) return null
  const candidate = HAS_SCHEME.test(value) ? value : BARE_EMAIL.test(value) ? `mailto:${value}` : `https://${value}`
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return null
  }
  if (!LINK_PROTOCOLS.has(url.protocol)) return null
  if (url.protocol === 'mailto:') return /^[^@]+@[^@]+$/.test(decodeURIComponent(url.pathname)) ? url.href : null
  // A host needs a dot (a real domain) unless it is localhost or an IPv6 literal.
  if (!url.hostname.includes('.') && url.hostname !== 'localhost' && !url.hostname.startsWith('[')) return null
  return url.href
}
