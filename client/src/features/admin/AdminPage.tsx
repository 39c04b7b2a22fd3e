import { useEffect, useId, useState } from 'react'
import { useSignedInUser } from '../../services/index.ts'
import { AddUserForm } from './AddUserForm.tsx'
import { AuditLog } from './AuditLog.tsx'
import { InvitationForm } from './InvitationForm.tsx'
import { useUsers } from './useUsers.ts'

/** `/admin` (admins only): users and adding one, invitations, and the audit log. Others are told it is not for them. */
export function AdminPage() {
  const user = useSignedInUser()
  useEffect(() => {
    document.title = 'Admin · Galley'
  }, [])
  if (!user.isAdmin) {
    return (
      <main id="main" className="page page--not-found">
        <h1>Admins only</h1>
        <p>This page manages users and shows the audit log; your account is not an admin. Ask an admin if you need something done here.</p>
      </main>
    )
  }
  return <AdminSections />
}

function AdminSections() {
  const [users, reloadUsers] = useUsers()
  const [logged, setLogged] = useState(0)
  const ids = useId()
  const recorded = (): void => setLogged((n) => n + 1)
  return (
    <main id="main" className="page">
      <div className="page__header">
        <h1>Admin</h1>
      </div>
      <section className="card" aria-labelledby={`${ids}-users`}>
        <h2 id={`${ids}-users`} className="card__title">
          Users
        </h2>
        {users.status === 'loading' && <p role="status">Loading users…</p>}
        {users.status === 'failed' && (
          <div className="form-error" role="alert">
            Could not load the users: {users.error.message}{' '}
            <button type="button" className="button button--small" onClick={reloadUsers}>
              Try again
            </button>
          </div>
        )}
        {users.status === 'loaded' && (
          <div className="table-scroll">
            <table className="data-table" data-testid="user-table">
              <caption className="visually-hidden">Every account, by name</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Admin</th>
                </tr>
              </thead>
              <tbody>
                {users.value.map((account) => (
                  <tr key={account.id}>
                    <th scope="row">{account.name}</th>
                    <td>{account.email}</td>
                    <td>{account.isAdmin ? 'Yes' : 'No'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <AddUserForm
          onCreated={() => {
            reloadUsers()
            recorded()
          }}
        />
      </section>
      <section className="card" aria-labelledby={`${ids}-invitations`}>
        <h2 id={`${ids}-invitations`} className="card__title">
          Invitations
        </h2>
        <p className="field__hint">An invitation lets someone choose their own name and password. Galley does not send email: copy the link to them.</p>
        <InvitationForm onCreated={recorded} />
      </section>
      <section className="card" aria-labelledby={`${ids}-audit`}>
        <h2 id={`${ids}-audit`} className="card__title">
          Audit log
        </h2>
        <AuditLog users={users.status === 'loaded' ? users.value : []} refresh={logged} />
      </section>
    </main>
  )
}
