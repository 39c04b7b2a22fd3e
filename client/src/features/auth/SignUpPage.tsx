import { useEffect } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { SignUpForm } from './SignUpForm.tsx'
import { useAuth } from './useAuth.ts'
import { useInvitation } from './useInvitation.ts'

/** `/signup?invitation=<token>`: an invited person picks their name and password, and is signed in. */
export function SignUpPage() {
  const [params] = useSearchParams()
  const token = params.get('invitation')
  const invitation = useInvitation(token)
  const { auth } = useAuth()
  const navigate = useNavigate()

  useEffect(() => {
    document.title = 'Create your account · Galley'
  }, [])

  return (
    <main id="main" className="page page--auth">
      <div className="auth-layout">
        <div className="card auth-card">
          {invitation.status === 'loading' && <p role="status">Checking your invitation…</p>}
          {invitation.status === 'invalid' && (
            <div role="alert">
              <h1 className="auth-card__title">This invitation cannot be used</h1>
              <p>The link is incomplete, or the invitation was already used or has expired. Ask an admin for a new one.</p>
              <p>
                <Link to="/signin">Sign in</Link> if you already have an account.
              </p>
            </div>
          )}
          {invitation.status === 'failed' && (
            <p className="form-error" role="alert">
              Could not check the invitation: {invitation.error.message}
            </p>
          )}
          {invitation.status === 'valid' && (
            <SignUpForm
              email={invitation.email}
              onSubmit={async (name, password) => {
                await auth.signUp({ invitation: token ?? '', name, password })
                navigate('/', { replace: true })
              }}
            />
          )}
        </div>
      </div>
    </main>
  )
}
