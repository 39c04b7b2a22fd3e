import { useEffect, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { safeNextPath } from '../../auth/index.ts'
import { DemoAccountsTable } from './DemoAccountsTable.tsx'
import { SignInForm } from './SignInForm.tsx'
import { useAuth } from './useAuth.ts'
import { useDemoAccounts } from './useDemoAccounts.ts'
import { useSignIn } from './useSignIn.ts'

/**
 * `/signin?next=<path>`: the email and password form, and in demo mode the demo accounts. After
 * signing in the user goes back to `next` (a path on this origin only). Says so when the previous
 * session ended, and who is signed in if someone already is.
 */
export function SignInPage() {
  const [params] = useSearchParams()
  const next = params.get('next')
  const { state } = useAuth()
  const { signIn, pending, problem } = useSignIn(next)
  const demo = useDemoAccounts()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')

  useEffect(() => {
    document.title = 'Sign in · Galley'
  }, [])

  return (
    <main id="main" className="page page--auth">
      <div className="auth-layout">
        <div className="card auth-card">
          {state.status === 'signed-out' && state.expired && (
            <p className="auth-card__note" role="status">
              Your session has ended. Sign in again to carry on where you were.
            </p>
          )}
          {state.status === 'signed-in' && (
            <p className="auth-card__note" role="status">
              You are signed in as {state.user.name}. <Link to={safeNextPath(next)}>Continue</Link>, or sign in as someone else.
            </p>
          )}
          <SignInForm
            email={email}
            password={password}
            onEmail={setEmail}
            onPassword={setPassword}
            onSubmit={() => void signIn(email.trim(), password)}
            pending={pending}
            problem={problem}
          />
          <p className="field__hint auth-card__hint">New here? Ask an admin for an invitation link.</p>
        </div>
        {demo && demo.length > 0 && (
          <div className="card auth-demo">
            <DemoAccountsTable
              accounts={demo}
              pending={pending}
              onUse={(account) => {
                setEmail(account.email)
                setPassword(account.password)
                void signIn(account.email, account.password)
              }}
            />
          </div>
        )}
      </div>
    </main>
  )
}
