import { isFactKind, type FactKind, type FactSuggestion } from '../../../../shared/article/index.ts'
import { apiRequest, arrayOf, isRecord } from '../../api/index.ts'

export type { FactSuggestion }

/** True for a suggestion of the expected shape (never trust a peer). */
export function isFactSuggestion(value: unknown): value is FactSuggestion {
  return (
    isRecord(value) &&
    isFactKind(value.kind) &&
    typeof value.text === 'string' &&
    value.text !== '' &&
    Number.isInteger(value.from) &&
    Number.isInteger(value.to) &&
    (value.from as number) >= 0 &&
    (value.from as number) < (value.to as number) &&
    (value.speaker === undefined || typeof value.speaker === 'string') &&
    (value.date === undefined || typeof value.date === 'string')
  )
}

/**
 * The key a dismissal is remembered under: kind and whitespace-normalized text. The server keys the
 * article's `dismissed` map the same way (server/commands/factCommands.ts dismissedKey), so a
 * suggestion is known dismissed by looking its key up there.
 */
export function suggestionKey(kind: FactKind, text: string): string {
  return `${kind}:${text.trim().replace(/\s+/g, ' ')}`
}

/** Fetches the article's suggestions; only well-formed ones are kept. Throws ApiError. */
export async function fetchSuggestions(articleId: string, signal?: AbortSignal): Promise<FactSuggestion[]> {
  const body = await apiRequest<unknown>(`/api/articles/${encodeURIComponent(articleId)}/suggestions`, signal ? { signal } : {})
  return arrayOf(body, isFactSuggestion, 'list of suggestions')
}
