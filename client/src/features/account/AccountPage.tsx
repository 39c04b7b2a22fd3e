import { useEffect, useId, useState } from 'react'
import type { NewApiToken } from '../../../../shared/auth/index.ts'
import { toApiError } from '../../api/index.ts'
import { useSignedInUser } from '../../services/index.ts'
import { NewTokenForm } from './NewTokenForm.tsx'
import { NewTokenSecret } from './NewTokenSecret.tsx'
import { TokenTable } from './TokenTable.tsx'
import { revokeToken } from './tokensApi.ts'
import { useTokens } from './useTokens.ts'

/** `/account`: who you are signed in as, and your API tokens (create, copy once, list, revoke). */
export function AccountPage() {
  const user = useSignedInUser()
  const [tokens, reload] = useTokens()
  const [created, setCreated] = useState<NewApiToken | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const ids = useId()

  useEffect(() => {
    document.title = 'Account · Galley'
  }, [])

  return (
    <main id="main" className="page page--narrow">
      <div className="page__header">
        <h1>Your account</h1>
      </div>
      <section className="card" aria-labelledby={`${ids}-you`}>
        <h2 id={`${ids}-you`} className="card__title">
          Signed in as
        </h2>
        <dl className="facts">
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
          {user.isAdmin && (
            <>
              <dt>Access</dt>
              <dd>Admin: manages users, invitations and every article’s members</dd>
            </>
          )}
        </dl>
      </section>
      <section className="card" aria-labelledby={`${ids}-tokens`}>
        <h2 id={`${ids}-tokens`} className="card__title">
          API tokens
        </h2>
        <p className="field__hint">
          Tokens let scripts and CI use the Galley API as you, with your roles. Revoke one as soon as it is no longer needed.
        </p>
        {created ? (
          <NewTokenSecret token={created} onDone={() => setCreated(null)} />
        ) : (
          <NewTokenForm
            onCreated={(token) => {
              setCreated(token)
              setDone(null)
              reload()
            }}
          />
        )}
        <h3 className="section-subtitle">Your tokens</h3>
        {tokens.status === 'loading' && <p role="status">Loading tokens…</p>}
        {tokens.status === 'failed' && (
          <div className="form-error" role="alert">
            Could not load your tokens: {tokens.error.message}{' '}
            <button type="button" className="button button--small" onClick={reload}>
              Try again
            </button>
          </div>
        )}
        {tokens.status === 'loaded' && tokens.value.length === 0 && <p className="field__hint">You have no tokens.</p>}
        {tokens.status === 'loaded' && tokens.value.length > 0 && (
          <TokenTable
            tokens={tokens.value}
            onRevoke={async (token) => {
              setProblem(null)
              setDone(null)
              try {
                await revokeToken(token.id)
                setDone(`Revoked “${token.name}”.`)
              } catch (err) {
                setProblem(`Could not revoke “${token.name}”: ${toApiError(err).message}`)
              }
              reload()
            }}
          />
        )}
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <p className="field__hint" role="status">
          {done}
        </p>
      </section>
    </main>
  )
}
