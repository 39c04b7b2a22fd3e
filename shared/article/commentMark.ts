import { Mark, mergeAttributes } from '@tiptap/core'

/** The name of the mark that anchors a comment thread to a span of the body. */
export const COMMENT_MARK = 'comment'

/**
 * Anchors a comment thread to a span of the body. The mark carries only the thread id; the thread
 * itself lives in the article's `threads` map. `excludes: ''` lets threads overlap (y-prosemirror
 * then stores each one under its own hashed attribute, so two overlapping threads stay two after a
 * reload); not inclusive, so typing at the edge of a span does not extend it.
 */
export const CommentMark = Mark.create({
  name: COMMENT_MARK,
  excludes: '',
  inclusive: false,
  spanning: true,
  addAttributes() {
    return {
      threadId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-thread-id'),
        renderHTML: (attrs) => ({ 'data-thread-id': attrs.threadId as string }),
      },
    }
  },
  parseHTML() {
    return [{ tag: 'span[data-thread-id]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'comment-anchor' }, HTMLAttributes), 0]
  },
})
