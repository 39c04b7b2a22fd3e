import { useEffect } from 'react'
import { useParams } from 'react-router'
import { ErrorCode, isArticleId } from '../../../shared/protocol/index.ts'
import { ArticleEditor } from '../editor/index.ts'
import { useArticleExists } from '../features/articles/index.ts'
import { useIdentity } from '../features/identity/index.ts'
import { MetaPanel, MetaTextInput, useMetaTextValue } from '../features/meta/index.ts'
import { PresenceList, useLocalPresence } from '../features/presence/index.ts'
import { StatusBar } from '../features/status/index.ts'
import {
  useArticleLoaded,
  useArticleSession,
  useOfflineCacheState,
  useSaveStatus,
  useUnsavedChangesGuard,
  type OpenArticle,
} from '../session/index.ts'
import { NotFoundPage } from './NotFoundPage.tsx'

const MISSING_TITLE = 'Article not found'
const MISSING_MESSAGE = 'No article has this address. It may have been mistyped, or the link is incomplete.'

/** `/a/:id`: the editor for one article, opened live on the app's connection. */
export function ArticlePage() {
  const { id = '' } = useParams()
  if (!isArticleId(id)) return <NotFoundPage title={MISSING_TITLE} message={MISSING_MESSAGE} />
  return <ArticleView key={id} articleId={id} />
}

function ArticleView({ articleId }: { articleId: string }) {
  const existence = useArticleExists(articleId)
  const open = useArticleSession(articleId)
  if (existence === 'missing') return <NotFoundPage title={MISSING_TITLE} message={MISSING_MESSAGE} />
  if (!open) {
    return (
      <main id="main" className="page page--article">
        <p className="list-message" role="status">
          Opening the article…
        </p>
      </main>
    )
  }
  return <ArticleWorkspace key={open.session.doc.guid} open={open} />
}

function ArticleWorkspace({ open }: { open: OpenArticle }) {
  const { session } = open
  const [identity] = useIdentity()
  const loaded = useArticleLoaded(open)
  const status = useSaveStatus(session)
  useUnsavedChangesGuard(status, useOfflineCacheState(open.cache))
  const headline = useMetaTextValue(session.doc, 'headline')
  useLocalPresence(session.awareness, identity)

  useEffect(() => {
    document.title = `${headline.trim() || 'Untitled article'} · Galley`
  }, [headline])

  if (status.state === 'error' && status.error?.code === ErrorCode.notFound) {
    return <NotFoundPage title={MISSING_TITLE} message={MISSING_MESSAGE} />
  }

  return (
    <main id="main" className="page page--article">
      <div className="article-layout">
        <article className="article-layout__story" aria-label="Story">
          <MetaTextInput doc={session.doc} field="headline" className="field--headline" placeholder="Headline" />
          <MetaTextInput
            doc={session.doc}
            field="standfirst"
            multiline
            className="field--standfirst"
            placeholder="The one- or two-sentence summary under the headline"
          />
          <ArticleEditor session={session} editable={loaded} />
        </article>
        <aside className="article-layout__side" aria-label="Article details and people">
          <PresenceList awareness={session.awareness} />
          <MetaPanel doc={session.doc} />
        </aside>
      </div>
      <StatusBar {...open} />
    </main>
  )
}
