import type { GateItem } from '../../../../shared/article/publish/publishGate.ts'
import { ErrorCode } from '../../../../shared/protocol/index.ts'
import { ApiError, apiRequest, arrayOf, isRecord } from '../../api/index.ts'

/** The two published profiles (docs/publishing.md): `galley` carries the `factChecks` extension, `ninjs` is IPTC's stock schema. */
export type PublishedProfile = 'galley' | 'ninjs'
export const PUBLISHED_PROFILES: readonly PublishedProfile[] = ['galley', 'ninjs']

/** Longest correction or update note the server takes (characters). */
export const MAX_PUBLISH_NOTE_CHARS = 2000

/** A gate item as the server reports it: `ok` already counts an override. */
export type GateReportItem = Pick<GateItem, 'id' | 'label' | 'ok' | 'overridable' | 'overriddenBecause'>

/** What publishing came to: a new version, or the server's gate refusing with every item. */
export type PublishOutcome = { published: true; version: number } | { published: false; message: string; gate: GateReportItem[] }

/** One published version, as `GET /api/articles/:id/versions` lists it. */
export interface PublishedVersionInfo {
  version: number
  publishedAt: string
  publishedBy: string
  note: string
}

/** One run of the word diff between two versions' plain text (jsdiff's shape). */
export interface DiffPart {
  value: string
  added: boolean
  removed: boolean
}

const articlePath = (articleId: string) => `/api/articles/${encodeURIComponent(articleId)}`

/**
 * Publishes the next version (`POST /api/articles/:id/publish`). Resolves `{published: false, gate}`
 * when the server's gate refuses (409 `gate`): the server's own checklist, which may differ from the
 * one shown if a colleague changed the article meanwhile. Other failures throw ApiError.
 */
export async function publishArticle(articleId: string, options: { note?: string; overrides?: Readonly<Record<string, string>> } = {}): Promise<PublishOutcome> {
  const note = options.note?.trim() ?? ''
  const overrides = options.overrides ?? {}
  const json = { ...(note ? { note } : {}), ...(Object.keys(overrides).length > 0 ? { overrides } : {}) }
  try {
    const body = await apiRequest<unknown>(`${articlePath(articleId)}/publish`, { method: 'POST', json })
    if (!isRecord(body) || !isVersionNumber(body.version)) throw new ApiError(ErrorCode.internal, 'The server did not say which version it published.', 201)
    return { published: true, version: body.version }
  } catch (err) {
    if (err instanceof ApiError && err.code === ErrorCode.gate) {
      const gate = Array.isArray(err.details.gate) ? err.details.gate.filter(isGateReportItem) : []
      return { published: false, message: err.message, gate }
    }
    throw err
  }
}

/** The published versions, oldest first. */
export async function listVersions(articleId: string, signal?: AbortSignal): Promise<PublishedVersionInfo[]> {
  return arrayOf(await apiRequest<unknown>(`${articlePath(articleId)}/versions`, { signal }), isVersionInfo, 'version list')
}

/** Where a version's published JSON is served; with `download`, as an attachment named after the article, version and profile. */
export function publishedUrl(articleId: string, version: number, profile: PublishedProfile, download = false): string {
  const query = new URLSearchParams({ profile })
  if (download) query.set('download', '1')
  return `${articlePath(articleId)}/published/${version}?${query}`
}

/** A version's published document in a profile, parsed. */
export async function fetchPublished(articleId: string, version: number, profile: PublishedProfile, signal?: AbortSignal): Promise<unknown> {
  return apiRequest<unknown>(publishedUrl(articleId, version, profile), { signal })
}

/** The word diff of the plain text from version `from` to version `to`. */
export async function fetchVersionDiff(articleId: string, from: number, to: number, signal?: AbortSignal): Promise<DiffPart[]> {
  const query = new URLSearchParams({ from: String(from), to: String(to) })
  return arrayOf(await apiRequest<unknown>(`${articlePath(articleId)}/versions/diff?${query}`, { signal }), isDiffPart, 'diff')
}

function isVersionNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0
}

/** True for a gate item of the server's shape (never trust a peer). */
export function isGateReportItem(value: unknown): value is GateReportItem {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.label === 'string' &&
    typeof value.ok === 'boolean' &&
    typeof value.overridable === 'boolean' &&
    (value.overriddenBecause === undefined || typeof value.overriddenBecause === 'string')
  )
}

function isVersionInfo(value: unknown): value is PublishedVersionInfo {
  return (
    isRecord(value) &&
    isVersionNumber(value.version) &&
    typeof value.publishedAt === 'string' &&
    typeof value.publishedBy === 'string' &&
    typeof value.note === 'string'
  )
}

function isDiffPart(value: unknown): value is DiffPart {
  return isRecord(value) && typeof value.value === 'string' && typeof value.added === 'boolean' && typeof value.removed === 'boolean'
}
