export { commentAnchorsOf, threadAt } from './commentAnchors.ts'
export type { AnchorRange } from './commentAnchors.ts'
export {
  CommentHighlights,
  commentHighlightsKey,
  commentHighlightsState,
  setActiveThread,
  setCommentDraft,
  setPendingAnchor,
  setShownThreads,
} from './commentHighlights.ts'
export type { CommentHighlightsState } from './commentHighlights.ts'
export { commentableSelection, encodeAnchor } from './selectionAnchor.ts'
export { COMMENT_SHORTCUT, isCommentShortcut } from './commentShortcut.ts'
export { mountedView } from './mountedView.ts'
