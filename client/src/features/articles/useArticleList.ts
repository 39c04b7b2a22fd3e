import type { ArticleListItem } from '../../../../shared/article/index.ts'
import { useFetched, type Fetched } from '../../ui/index.ts'
import { listArticles } from './articlesApi.ts'

/** The article list as it loads, newest change first. */
export type ArticleListState = Fetched<ArticleListItem[]>

/** Fetches the article list on mount and on reload(). */
export function useArticleList(): [ArticleListState, () => void] {
  return useFetched(async (signal) => [...(await listArticles(signal))].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)), [])
}
