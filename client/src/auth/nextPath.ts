/** Where the sign-in page sends the user when no (acceptable) `next` is given. */
export const DEFAULT_NEXT_PATH = '/'

/** Pages that never make sense to come back to after signing in. */
const AUTH_PAGES = ['/signin', '/signup']

/**
 * A path on this origin to go to after signing in, from an untrusted `next` query value; anything
 * else (another origin, `//host`, `/\host`, a scheme, the sign-in page itself) reads as `/`, so a
 * crafted link cannot send someone elsewhere after they typed their password (no open redirect).
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return DEFAULT_NEXT_PATH
  if (/[\u0000-\u001f\u007f]/.test(next)) return DEFAULT_NEXT_PATH
  let url: URL
  try {
    url = new URL(next, 'http://galley.invalid')
  } catch {
    return DEFAULT_NEXT_PATH
  }
  if (url.origin !== 'http://galley.invalid') return DEFAULT_NEXT_PATH
  // Check what comes out, not only what went in: dot segments (`/..//host`) resolve to `//host`,
  // which a router reads as another site.
  if (url.pathname.startsWith('//') || url.pathname.startsWith('/\\')) return DEFAULT_NEXT_PATH
  // The router matches routes case-insensitively and ignores a trailing slash.
  const page = url.pathname.toLowerCase().replace(/\/+$/, '')
  if (AUTH_PAGES.includes(page)) return DEFAULT_NEXT_PATH
  return `${url.pathname}${url.search}${url.hash}`
}

/** The sign-in page's address that comes back to `path` (pathname, search and hash of where the user was). */
export function signInPath(path: string): string {
  const next = safeNextPath(path)
  return next === DEFAULT_NEXT_PATH ? '/signin' : `/signin?next=${encodeURIComponent(next)}`
}
