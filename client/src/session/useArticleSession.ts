import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { OfflineCache, type ArticleSession } from '../collab/index.ts'
import { useConnection, useSignedInUser } from '../services/index.ts'

/** One article open in this view: its live session and the signed-in user's offline copy in this browser. */
export interface OpenArticle {
  session: ArticleSession
  cache: OfflineCache
}

/**
 * Opens `articleId` on the signed-in user's connection with that user's offline cache (keyed per
 * user: see offlineCacheName), and closes both on unmount or when the id or user changes. Returns
 * null until the effect has run. StrictMode's mount–unmount–mount is fine: cleanup closes the
 * article, so the second open does not find it already open.
 */
export function useArticleSession(articleId: string): OpenArticle | null {
  const connection = useConnection()
  const { id: userId } = useSignedInUser()
  const [open, setOpen] = useState<OpenArticle | null>(null)

  useEffect(() => {
    const doc = new Y.Doc()
    const cache = new OfflineCache(userId, articleId, doc)
    const session = connection.open(articleId, doc)
    setOpen({ session, cache })
    return () => {
      setOpen(null)
      connection.close(articleId)
      cache.destroy()
    }
  }, [connection, articleId, userId])

  return open !== null && open.session.articleId === articleId ? open : null
}
