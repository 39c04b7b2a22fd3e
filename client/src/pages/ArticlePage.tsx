import { useEffect, useMemo, useState } from 'react'
import type { Editor } from '@tiptap/react'
import { useParams } from 'react-router'
import { Capability, can, type PublicUser } from '../../../shared/auth/index.ts'
import { ErrorCode, isArticleId } from '../../../shared/protocol/index.ts'
import { ArticleEditor } from '../editor/index.ts'
import { AccessBanner } from '../features/access/index.ts'
import { CommentsMargin } from '../features/comments/index.ts'
import { FactsLayer, FactsPanel, useFactExtensions, useFactsController } from '../features/facts/index.ts'
import { useArticleExists } from '../features/articles/index.ts'
import { MembersPanel } from '../features/members/index.ts'
import { MetaPanel, MetaTextInput, useMetaTextValue } from '../features/meta/index.ts'
import { PresenceList, presenceUserOf, useLocalPresence } from '../features/presence/index.ts'
import { EditorialPanels } from '../features/publish/index.ts'
import { StatusBar } from '../features/status/index.ts'
import { useSignedInUser } from '../services/index.ts'
import {
  useArticleAccess,
  useArticleLoaded,
  useArticleSession,
  useOfflineCacheState,
  useSaveStatus,
  useUnsavedChangesGuard,
  type OpenArticle,
} from '../session/index.ts'
import { NotFoundPage } from './NotFoundPage.tsx'

const MISSING_TITLE = 'Article not found'
const MISSING_MESSAGE =
  'No article has this address, or it has not been shared with you. Check the link, or ask one of its owners to add you.'

/** `/a/:id`: the editor for one article, opened live on the signed-in user's connection. */
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
  const { session, cache } = open
  const user = useSignedInUser()
  const loaded = useArticleLoaded(open)
  const access = useArticleAccess(session)
  const status = useSaveStatus(session)
  // Once access is removed nothing here can be saved any more: leaving loses nothing that staying keeps.
  useUnsavedChangesGuard(access.removed ? { ...status, unsaved: false } : status, useOfflineCacheState(cache))
  const headline = useMetaTextValue(session.doc, 'headline')
  useLocalPresence(session.awareness, presenceUserOf(user))
  // The story's editor, for the comment margin beside it.
  const [editor, setEditor] = useState<Editor | null>(null)
  // Fact tagging: what the role may do with tags (the server checks again), and its editor extensions.
  const factPermissions = useMemo(
    () => ({ canTag: !access.removed && can(access.role, Capability.tagFacts), canCheck: !access.removed && can(access.role, Capability.checkFacts) }),
    [access],
  )
  const facts = useFactsController(session, factPermissions)
  const factExtensions = useFactExtensions(facts)

  useEffect(() => {
    document.title = `${headline.trim() || 'Untitled article'} · Galley`
  }, [headline])

  // This browser's copy must not outlive the user's access to the article.
  useEffect(() => {
    if (access.removed) cache.clear()
  }, [access.removed, cache])

  if (status.state === 'error' && status.error?.code === ErrorCode.notFound) {
    return <NotFoundPage title={MISSING_TITLE} message={MISSING_MESSAGE} />
  }

  // Read-only: a known role that cannot write, or access gone. While the role is not known yet
  // (first join pending) the editor is merely not editable, with its toolbar in place.
  const readOnly = access.removed || (access.role !== null && !access.canWrite)
  return (
    <main id="main" className="page page--article">
      <div className={`article-layout${access.removed ? '' : ' article-layout--comments'}`}>
        <article className="article-layout__story" aria-label="Story">
          <AccessBanner access={access} />
          <MetaTextInput doc={session.doc} field="headline" className="field--headline" placeholder="Headline" readOnly={!access.canWrite} />
          <MetaTextInput
            doc={session.doc}
            field="standfirst"
            multiline
            className="field--standfirst"
            placeholder="The one- or two-sentence summary under the headline"
            readOnly={!access.canWrite}
          />
          <ArticleEditor
            session={session}
            loaded={loaded}
            editable={loaded && access.canWrite}
            readOnly={readOnly}
            onEditor={setEditor}
            extensions={factExtensions}
            overlay={<FactsLayer controller={facts} {...factPermissions} />}
          />
        </article>
        {!access.removed && <CommentsMargin editor={editor} session={session} role={access.role} user={user} />}
        <aside className="article-layout__side" aria-label="Article details and people">
          <PresenceList awareness={session.awareness} />
          {!access.removed && <EditorialPanels session={session} role={access.role} />}
          {!access.removed && <FactsPanel controller={facts} {...factPermissions} />}
          {!access.removed && (
            <MembersPanel
              articleId={session.articleId}
              articleTitle={headline.trim() || 'Untitled article'}
              currentUserId={user.id}
              canManage={canManageMembers(user, access.role)}
              refresh={access.role}
            />
          )}
          <MetaPanel doc={session.doc} readOnly={!access.canWrite} />
        </aside>
      </div>
      <StatusBar {...open} />
    </main>
  )
}

/** Owners manage an article's members; so do admins, whatever their role on it. */
function canManageMembers(user: PublicUser, role: Parameters<typeof can>[0]): boolean {
  return user.isAdmin || can(role, Capability.manageMembers)
}
