export { FactsController, answerProblem, isEntityKind } from './factsController.ts'
export type {
  CardState,
  FactPermissions,
  FactsControllerEvents,
  FactsControllerOptions,
  FactsUiState,
  FactUpdatePatch,
} from './factsController.ts'
export { NO_SUGGESTIONS, SuggestionsFlow } from './suggestionsFlow.ts'
export type { SuggestionsFlowContext, SuggestionsState } from './suggestionsFlow.ts'
export { FactsStore } from './factsStore.ts'
export type { FactsSnapshot, FactsStoreEvents } from './factsStore.ts'
export { entryText, readFactEntries } from './factEntries.ts'
export type { FactEntry } from './factEntries.ts'
export { NO_FILTER, countFacts, factProgress, filterFacts, groupFacts, lastFactChange } from './factGrouping.ts'
export type { FactChange, FactFilter, FactGroup, FactGrouping, FactProgress, GroupedFacts } from './factGrouping.ts'
export { KIND_LABELS, STATUS_ICONS, STATUS_LABELS, kindWithArticle, shortQuote } from './factLabels.ts'
export { fetchSuggestions, isFactSuggestion, suggestionKey } from './factSuggestions.ts'
export type { FactSuggestion } from './factSuggestions.ts'
export { matchSuggestions, placeSuggestions } from './suggestionItems.ts'
export type { PlacedSuggestion, SuggestionItem, TaggedSpan } from './suggestionItems.ts'
export { normalizeHttpUrl, sourceFromDraft } from './sourceDraft.ts'
export { FactsLayer } from './FactsLayer.tsx'
export { FactsPanel } from './FactsPanel.tsx'
export { useFactExtensions, useFactsController, useFactsSnapshot, useFactsUi } from './useFacts.ts'
