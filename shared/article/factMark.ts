import { Mark, mergeAttributes } from '@tiptap/core'

/** The name of the mark that ties a span of the body to a fact-tag record. */
export const FACT_MARK = 'factTag'

/**
 * Ties a span of the body to a fact tag; the record lives in the article's `facts` map. Tags may
 * overlap and nest (`excludes: ''`, each tag under its own hashed attribute in Yjs), survive the
 * other marks, and are not inclusive (typing at the edge does not grow the checked span).
 */
export const FactMark = Mark.create({
  name: FACT_MARK,
  excludes: '',
  inclusive: false,
  spanning: true,
  addAttributes() {
    return {
      tagId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-fact-id'),
        renderHTML: (attrs) => ({ 'data-fact-id': attrs.tagId as string }),
      },
    }
  },
  parseHTML() {
    return [{ tag: 'span[data-fact-id]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'fact-tag' }, HTMLAttributes), 0]
  },
})
