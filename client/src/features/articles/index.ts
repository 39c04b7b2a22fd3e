export { ArticleListPage } from './ArticleListPage.tsx'
export { createArticle, getArticle, listArticles } from './articlesApi.ts'
export { useArticleExists } from './useArticleExists.ts'
export type { ArticleExistence } from './useArticleExists.ts'
