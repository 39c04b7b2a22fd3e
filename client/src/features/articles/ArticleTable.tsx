import { Link } from 'react-router'
import { ROLE_LABELS } from '../../../../shared/auth/index.ts'
import type { ArticleListItem } from '../../../../shared/article/index.ts'
// From its own module: shared/article/index.ts would pull the editor schema (Tiptap) into the list's bundle.
import { STATUS_LABELS } from '../../../../shared/article/workflow.ts'
import { RelativeTime } from '../../ui/index.ts'

const numberFormat = new Intl.NumberFormat()

interface ArticleTableProps {
  articles: ArticleListItem[]
  /** Opens the members of an article the user (an admin) has no role on; such rows cannot be opened. */
  onManageMembers: (article: ArticleListItem) => void
}

/** What a row calls its article: the headline, else the start of its text. */
export function articleTitle(article: Pick<ArticleListItem, 'headline' | 'excerpt'>): string {
  return article.headline || article.excerpt || 'Untitled, empty article'
}

/**
 * The articles as a table: headline (or the start of the text), the user's role, status, last change,
 * length. A row without a role (an admin's view) is marked "No access" and offers "Members…" instead
 * of a link.
 */
export function ArticleTable({ articles, onManageMembers }: ArticleTableProps) {
  return (
    <table className="article-table">
      <caption className="visually-hidden">Articles, most recently changed first</caption>
      <thead>
        <tr>
          <th scope="col">Article</th>
          <th scope="col">Your role</th>
          <th scope="col">Status</th>
          <th scope="col">Updated</th>
          <th scope="col" className="article-table__number">
            Words
          </th>
        </tr>
      </thead>
      <tbody>
        {articles.map((article) => (
          <tr key={article.id} className={article.role === null ? 'article-table__row--no-access' : undefined} data-article-id={article.id}>
            <th scope="row" className="article-table__title">
              {article.role === null ? (
                <ArticleName article={article} />
              ) : (
                <Link to={`/a/${encodeURIComponent(article.id)}`} className="article-link">
                  <ArticleName article={article} />
                </Link>
              )}
            </th>
            <td className="article-table__role">
              {article.role === null ? (
                <>
                  <span className="role-badge role-badge--none">No access</span>
                  <button
                    type="button"
                    className="button button--small article-table__members"
                    onClick={() => onManageMembers(article)}
                    aria-label={`Members of ${articleTitle(article)}…`}
                  >
                    Members…
                  </button>
                </>
              ) : (
                <span className={`role-badge role-badge--${article.role}`}>{ROLE_LABELS[article.role]}</span>
              )}
            </td>
            <td>
              <span className={`status-badge status-badge--${article.status}`}>{STATUS_LABELS[article.status] ?? article.status}</span>
            </td>
            <td className="article-table__time">
              <RelativeTime iso={article.updatedAt} />
            </td>
            <td className="article-table__number">{numberFormat.format(article.wordCount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function ArticleName({ article }: { article: ArticleListItem }) {
  return article.headline ? (
    <span className="article-link__headline">{article.headline}</span>
  ) : (
    <span className="article-link__excerpt">
      <span className="visually-hidden">Untitled: </span>
      {article.excerpt || 'Untitled, empty article'}
    </span>
  )
}
