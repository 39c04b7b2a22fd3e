import { Link } from 'react-router'
import type { ArticleSummary } from '../../../../shared/article/index.ts'
import { RelativeTime } from './RelativeTime.tsx'

const numberFormat = new Intl.NumberFormat()

/** Words the list shows for a workflow status. */
const STATUS_LABELS: Record<string, string> = { draft: 'Draft' }

/** The articles as a table: headline (or the start of the text), status, last change, length. */
export function ArticleTable({ articles }: { articles: ArticleSummary[] }) {
  return (
    <table className="article-table">
      <caption className="visually-hidden">Articles, most recently changed first</caption>
      <thead>
        <tr>
          <th scope="col">Article</th>
          <th scope="col">Status</th>
          <th scope="col">Updated</th>
          <th scope="col" className="article-table__number">
            Words
          </th>
        </tr>
      </thead>
      <tbody>
        {articles.map((article) => (
          <tr key={article.id}>
            <th scope="row" className="article-table__title">
              <Link to={`/a/${encodeURIComponent(article.id)}`} className="article-link">
                {article.headline ? (
                  <span className="article-link__headline">{article.headline}</span>
                ) : (
                  <span className="article-link__excerpt">
                    <span className="visually-hidden">Untitled: </span>
                    {article.excerpt || 'Untitled, empty article'}
                  </span>
                )}
              </Link>
            </th>
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
