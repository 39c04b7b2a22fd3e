import { Suspense, lazy } from 'react'
import { BrowserRouter, Route, Routes } from 'react-router'
import { AppShell } from './app/index.ts'
import { ArticleListPage } from './features/articles/index.ts'
import { NotFoundPage } from './pages/NotFoundPage.tsx'

// The editor (Tiptap, ProseMirror, y-prosemirror) loads when an article is opened, not with the list.
const ArticlePage = lazy(() => import('./pages/ArticlePage.tsx').then((module) => ({ default: module.ArticlePage })))

/** The routes: `/` the article list, `/a/:id` one article's editor, anything else not found. */
export function App() {
  return (
    <BrowserRouter>
      <AppShell>
        <Suspense
          fallback={
            <main id="main" className="page">
              <p className="list-message" role="status">
                Loading…
              </p>
            </main>
          }
        >
          <Routes>
            <Route path="/" element={<ArticleListPage />} />
            <Route path="/a/:id" element={<ArticlePage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </AppShell>
    </BrowserRouter>
  )
}
