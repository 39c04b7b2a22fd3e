/**
 * Fact suggestions ("Find facts"). Server-side only: compromise and chrono-node are large, so the
 * client asks the server over REST and never imports this folder (tests/unit/boundaries.test.ts).
 */
export { suggestFacts } from './suggestFacts.ts'
export type { FactSuggestion, SuggestOptions } from './factSuggestion.ts'
