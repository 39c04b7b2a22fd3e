import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { META_TAGS_FIELD, getMeta, getMetaTags } from '../../../../shared/article/index.ts'

/** The tag list (null until the server has created it) and its current strings, kept up to date. */
export function useMetaTags(doc: Y.Doc): { tags: Y.Array<string> | null; values: string[] } {
  const [state, setState] = useState(() => read(doc))

  useEffect(() => {
    const meta = getMeta(doc)
    let tags = getMetaTags(doc)
    const update = (): void => setState(read(doc))
    const onMeta = (event: Y.YMapEvent<unknown>): void => {
      if (!event.keysChanged.has(META_TAGS_FIELD)) return
      tags?.unobserve(update)
      tags = getMetaTags(doc)
      tags?.observe(update)
      update()
    }
    meta.observe(onMeta)
    tags?.observe(update)
    update()
    return () => {
      meta.unobserve(onMeta)
      tags?.unobserve(update)
    }
  }, [doc])

  return state
}

function read(doc: Y.Doc): { tags: Y.Array<string> | null; values: string[] } {
  const tags = getMetaTags(doc)
  return { tags, values: tags ? tags.toArray().filter((tag): tag is string => typeof tag === 'string') : [] }
}
