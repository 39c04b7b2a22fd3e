import { useId } from 'react'
import { ROLE_LABELS, isRole, type DemoAccount } from '../../../../shared/auth/index.ts'

interface DemoAccountsTableProps {
  accounts: DemoAccount[]
  /** Signs in as the account (filling the form on the way, so what happens is visible). */
  onUse: (account: DemoAccount) => void
  pending: boolean
}

/** In demo mode: the demo accounts, one per newsroom role, each with a button that signs in as it. */
export function DemoAccountsTable({ accounts, onUse, pending }: DemoAccountsTableProps) {
  const headingId = useId()
  return (
    <section className="demo-accounts" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        Demo accounts
      </h2>
      <p className="field__hint">This server runs in demo mode: try Galley as each newsroom role.</p>
      <table className="demo-accounts__table" data-testid="demo-accounts">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Email</th>
            <th scope="col">
              <span className="visually-hidden">Sign in</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.email}>
              <th scope="row">{account.name}</th>
              <td>{isRole(account.role) ? ROLE_LABELS[account.role] : 'Admin'}</td>
              <td className="demo-accounts__email">{account.email}</td>
              <td>
                <button type="button" className="button button--small" onClick={() => onUse(account)} disabled={pending}>
                  Sign in as {account.name}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
