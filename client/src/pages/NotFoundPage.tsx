import { useEffect } from 'react'
import { Link } from 'react-router'

interface NotFoundPageProps {
  title?: string
  message?: string
}

/** Shown for an address the app does not know (or an article that does not exist), with a way home. */
export function NotFoundPage({ title = 'Page not found', message = 'There is nothing at this address.' }: NotFoundPageProps) {
  useEffect(() => {
    document.title = `${title} · Galley`
  }, [title])
  return (
    <main id="main" className="page page--not-found">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/" className="button button--primary">
          Go to the article list
        </Link>
      </p>
    </main>
  )
}
