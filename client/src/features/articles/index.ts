export { ArticleListPage } from './ArticleListPage.tsx'
export { ApiError, createArticle, getArticle, listArticles } from './articlesApi.ts'

export { formatLocalTime, formatRelativeTime } from './relativeTime.ts'
export { useArticleExists } from './useArticleExists.ts'
export type { ArticleExistence } from './useArticleExists.ts'
