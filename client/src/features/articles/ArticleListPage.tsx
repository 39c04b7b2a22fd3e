import { useEffect, useState } from 'react'
import type { ArticleListItem } from '../../../../shared/article/index.ts'
import { useSignedInUser } from '../../services/index.ts'
import { ShareDialog } from '../members/index.ts'
import { ArticleTable, articleTitle } from './ArticleTable.tsx'
import { ImportTextForm } from './ImportTextForm.tsx'
import { NewArticleForm } from './NewArticleForm.tsx'
import { useArticleList } from './useArticleList.ts'

/**
 * The home page: the articles the user has a role on (and, for admins, every other one, to manage
 * its members), newest change first, and the ways to start a new one.
 */
export function ArticleListPage() {
  const [list, reload] = useArticleList()
  const user = useSignedInUser()
  const [managing, setManaging] = useState<ArticleListItem | null>(null)

  useEffect(() => {
    document.title = 'Articles · Galley'
  }, [])

  return (
    <main id="main" className="page page--list">
      <div className="page__header">
        <h1>Articles</h1>
        <button type="button" className="button button--quiet" onClick={reload} disabled={list.status === 'loading'}>
          Refresh
        </button>
      </div>
      <div className="list-layout">
        <section className="list-layout__list" aria-label="All articles">
          {list.status === 'loading' && (
            <p className="list-message" role="status">
              Loading articles…
            </p>
          )}
          {list.status === 'failed' && (
            <div className="list-message list-message--error" role="alert">
              <p>Could not load the articles: {list.error.message}</p>
              <button type="button" className="button" onClick={reload}>
                Try again
              </button>
            </div>
          )}
          {list.status === 'loaded' && list.value.length === 0 && (
            <div className="list-message">
              <p className="list-message__title">No articles yet</p>
              <p>Create one, or import wire copy as plain text. Articles colleagues share with you appear here too.</p>
            </div>
          )}
          {list.status === 'loaded' && list.value.length > 0 && <ArticleTable articles={list.value} onManageMembers={setManaging} />}
        </section>
        <aside className="list-layout__actions" aria-label="Start an article">
          <div className="card">
            <NewArticleForm />
          </div>
          <div className="card">
            <ImportTextForm />
          </div>
        </aside>
      </div>
      {managing && (
        <ShareDialog
          articleId={managing.id}
          articleTitle={articleTitle(managing)}
          currentUserId={user.id}
          onClose={() => setManaging(null)}
          onChanged={reload}
        />
      )}
    </main>
  )
}
