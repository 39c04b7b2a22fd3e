import { useFetched, type Fetched } from '../../ui/index.ts'
import { listVersions, type PublishedVersionInfo } from './publishApi.ts'

/** An article's published versions as they load, oldest first. */
export type VersionsState = Fetched<PublishedVersionInfo[]>

/**
 * Fetches the published versions on mount, whenever `refresh` changes (the number of publications
 * recorded in the live document, so a colleague's publication appears too) and on reload().
 */
export function useVersions(articleId: string, refresh: unknown = null): [VersionsState, () => void] {
  return useFetched((signal) => listVersions(articleId, signal), [articleId, refresh])
}
