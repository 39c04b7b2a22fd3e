import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { bodyPlainText, countWords } from '../../../../shared/article/index.ts'

/** How often, at most, the word count is recomputed while the document changes. */
export const WORD_COUNT_INTERVAL_MS = 400

/** The body's word count (shared countWords over bodyPlainText), recounted at most every 400 ms. */
export function useWordCount(doc: Y.Doc): number {
  const [count, setCount] = useState(() => countWords(bodyPlainText(doc)))

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const recount = (): void => {
      timer = null
      setCount(countWords(bodyPlainText(doc)))
    }
    // Throttle, trailing edge: the first change starts the clock, the count reflects the last one.
    const onUpdate = (): void => {
      timer ??= setTimeout(recount, WORD_COUNT_INTERVAL_MS)
    }
    recount()
    doc.on('update', onUpdate)
    return () => {
      doc.off('update', onUpdate)
      if (timer !== null) clearTimeout(timer)
    }
  }, [doc])

  return count
}
