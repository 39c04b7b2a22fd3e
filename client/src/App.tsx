import { Suspense, lazy } from 'react'
import { BrowserRouter, Outlet, Route, Routes } from 'react-router'
import { AppShell, SignedIn } from './app/index.ts'
import { AccountPage } from './features/account/index.ts'
import { AdminPage } from './features/admin/index.ts'
import { ArticleListPage } from './features/articles/index.ts'
import { SignInPage, SignUpPage } from './features/auth/index.ts'
import { NotFoundPage } from './pages/NotFoundPage.tsx'

// The editor (Tiptap, ProseMirror, y-prosemirror) loads when an article is opened, not with the list.
const ArticlePage = lazy(() => import('./pages/ArticlePage.tsx').then((module) => ({ default: module.ArticlePage })))

/**
 * The routes: `/signin` and `/signup` for anyone; for a signed-in user (others are sent to
 * `/signin?next=…`) `/` the article list, `/a/:id` one article's editor, `/account` and `/admin`;
 * anything else not found.
 */
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
            <Route path="/signin" element={<SignInPage />} />
            <Route path="/signup" element={<SignUpPage />} />
            <Route
              element={
                <SignedIn>
                  <Outlet />
                </SignedIn>
              }
            >
              <Route path="/" element={<ArticleListPage />} />
              <Route path="/a/:id" element={<ArticlePage />} />
              <Route path="/account" element={<AccountPage />} />
              <Route path="/admin" element={<AdminPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </AppShell>
    </BrowserRouter>
  )
}
