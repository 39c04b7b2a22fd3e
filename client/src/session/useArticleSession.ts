import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { OfflineCache, type ArticleSession } from '../collab/index.ts'
import { useAppServices } from '../services/index.ts'

/** One article open in this view: its live session and its offline copy in this browser. */
export interface OpenArticle {
  session: ArticleSession
  cache: OfflineCache
}

/**
 * Opens `articleId` on the app's connection with an offline cache, and closes both on unmount or
 * when the id changes. Returns null until the effect has run. StrictMode's mount–unmount–mount is
 * fine: cleanup closes the article, so the second open does not find it already open.
 */
export function useArticleSession(articleId: string): OpenArticle | null {
  const { connection } = useAppServices()
  const [open, setOpen] = useState<OpenArticle | null>(null)

  useEffect(() => {
    const doc = new Y.Doc()
    const cache = new OfflineCache(articleId, doc)
    const session = connection.open(articleId, doc)
    setOpen({ session, cache })
    return () => {
      setOpen(null)
      connection.close(articleId)
      cache.destroy()
    }
  }, [connection, articleId])

  return open !== null && open.session.articleId === articleId ? open : null
}
