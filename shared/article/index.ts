export {
  ArticleRoot,
  ensureArticleShape,
  getBody,
  getDismissed,
  getWorkflow,
  getFacts,
  getMeta,
  getMetaTags,
  getMetaText,
  getThreads,
  readMeta,
  setMetaText,
  setMetaValue,
} from './articleDoc.ts'
export {
  META_LABELS,
  META_TAGS_FIELD,
  META_TEXT_FIELDS,
  META_VALUE_FIELDS,
  emptyMeta,
  isDatelineDate,
} from './metaFields.ts'
export type { ArticleMeta, MetaTextField, MetaValueField } from './metaFields.ts'
export { articleExtensions, articleSchema, BODY_HEADING_LEVELS } from './editorSchema.ts'
export { importPlainText, isHeadingLike } from './importPlainText.ts'
export type { ImportedArticle, ImportedBlock } from './importPlainText.ts'
export { importedBodyJSON, writeImportedArticle } from './applyImport.ts'
export { BLOCK_SEPARATOR, bodyBlocks, bodyPlainText, countWords } from './bodyText.ts'
export type { TextRun } from './bodyText.ts'
export type { ArticleDetail, ArticleListItem, ArticleSummary, NewArticle } from './articleSummary.ts'
export { MAX_HEADLINE_CHARS, MAX_IMPORT_CHARS } from './articleSummary.ts'
export {
  ARTICLE_STATUSES,
  PUBLISHABLE_STATUSES,
  STATUS_LABELS,
  TRANSITIONS,
  findTransition,
  isArticleStatus,
  readStatus,
  readStatusChanges,
  writeStatusChange,
} from './workflow.ts'
export type { ArticleStatus, StatusChange, Transition } from './workflow.ts'
export { EXCERPT_CHARS, summarize } from './summarize.ts'
export { articleShapeProblem } from './articleShape.ts'
export { COMMENT_MARK, CommentMark } from './commentMark.ts'
export {
  MAX_MESSAGE_CHARS,
  MAX_QUOTE_CHARS,
  THREAD_STATES,
  readThread,
  readThreads,
  writeMessage,
  writeNewThread,
  writeThreadState,
} from './threads.ts'
export type { Author, ThreadMessage, ThreadRecord, ThreadState } from './threads.ts'
export { CHECKED_KINDS, ENTITY_KINDS, FACT_KINDS, FACT_STATUSES, isFactKind, isFactStatus } from './factVocabulary.ts'
export type { FactKind, FactStatus } from './factVocabulary.ts'
export { markedRanges, markedSpans } from './markedSpans.ts'
export type { MarkedRange } from './markedSpans.ts'
export { FACT_MARK, FactMark } from './factMark.ts'
export { MAX_FACT_SOURCES, MAX_FACT_TEXT_CHARS, deleteFact, readFact, readFacts, writeFactChange, writeNewFact } from './facts.ts'
export type { FactHistoryEntry, FactPatch, FactRecord, FactSource, FactSpeaker } from './facts.ts'
export type { FactSuggestion } from './factSuggestion.ts'
