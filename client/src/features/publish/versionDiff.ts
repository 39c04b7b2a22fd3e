import type { DiffPart } from './publishApi.ts'

/** How much a diff changed, in words. */
export interface DiffSummary {
  added: number
  removed: number
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length

/** Counts the words added and removed in a word diff. */
export function summarizeDiff(parts: readonly DiffPart[]): DiffSummary {
  let added = 0
  let removed = 0
  for (const part of parts) {
    if (part.added) added += wordCount(part.value)
    else if (part.removed) removed += wordCount(part.value)
  }
  return { added, removed }
}

/** The summary in words, e.g. "3 words added, 1 removed" or "No changes to the text". */
export function describeDiff({ added, removed }: DiffSummary): string {
  if (added === 0 && removed === 0) return 'No changes to the text.'
  const words = (n: number) => `${n} word${n === 1 ? '' : 's'}`
  if (removed === 0) return `${words(added)} added.`
  if (added === 0) return `${words(removed)} removed.`
  return `${words(added)} added, ${removed} removed.`
}

/**
 * The default pair to compare from `versions` (ascending numbers): the one before the latest and the
 * latest; null with fewer than two.
 */
export function defaultComparison(versions: readonly number[]): { from: number; to: number } | null {
  if (versions.length < 2) return null
  return { from: versions[versions.length - 2]!, to: versions[versions.length - 1]! }
}
