import { isArticleStatus, type StatusChange } from '../../../../shared/article/workflow.ts'

/**
 * True for a status change of the expected shape. The server alone writes the workflow map, but
 * the document arrives from a peer: anything else is left out rather than rendered.
 */
export function isStatusChange(value: unknown): value is StatusChange {
  if (typeof value !== 'object' || value === null) return false
  const change = value as Record<string, unknown>
  const by = change.by as Record<string, unknown> | null | undefined
  return (
    isArticleStatus(change.from) &&
    isArticleStatus(change.to) &&
    typeof by === 'object' &&
    by !== null &&
    typeof by.id === 'string' &&
    typeof by.name === 'string' &&
    typeof change.at === 'string' &&
    typeof change.note === 'string' &&
    (change.version === null || (typeof change.version === 'number' && Number.isInteger(change.version) && change.version > 0))
  )
}

/** The publications among `changes` (the changes that made a version), oldest first. */
export function publications(changes: readonly StatusChange[]): StatusChange[] {
  return changes.filter((change) => change.version !== null)
}

/** The last published version number recorded in `changes`, or 0 before the first publication. */
export function latestVersion(changes: readonly StatusChange[]): number {
  return publications(changes).reduce((latest, change) => Math.max(latest, change.version ?? 0), 0)
}
