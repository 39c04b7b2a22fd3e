import { useState } from 'react'
import type { ApiTokenInfo } from '../../../../shared/auth/index.ts'
import { RelativeTime } from '../../ui/index.ts'

interface TokenTableProps {
  tokens: ApiTokenInfo[]
  /** Revokes a token; rejects with a message to show when the server refused. */
  onRevoke: (token: ApiTokenInfo) => Promise<void>
}

/** The user's tokens: name, created, expires, last used, and Revoke (asked to confirm in place). */
export function TokenTable({ tokens, onRevoke }: TokenTableProps) {
  const [confirming, setConfirming] = useState<string | null>(null)
  const [pending, setPending] = useState<string | null>(null)

  return (
    <table className="data-table" data-testid="token-table">
      <caption className="visually-hidden">Your API tokens</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Created</th>
          <th scope="col">Expires</th>
          <th scope="col">Last used</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id}>
            <th scope="row">{token.name}</th>
            <td>
              <RelativeTime iso={token.createdAt} />
            </td>
            <td>
              <RelativeTime iso={token.expiresAt} />
            </td>
            <td>{token.lastUsedAt ? <RelativeTime iso={token.lastUsedAt} /> : 'Never'}</td>
            <td className="data-table__actions">
              {confirming === token.id ? (
                <span role="group" aria-label={`Revoke ${token.name}?`}>
                  <button
                    type="button"
                    className="button button--danger button--small"
                    autoFocus
                    disabled={pending === token.id}
                    onClick={() => {
                      setPending(token.id)
                      void onRevoke(token).finally(() => {
                        setPending(null)
                        setConfirming(null)
                      })
                    }}
                  >
                    {pending === token.id ? 'Revoking…' : 'Confirm revoke'}
                  </button>
                  <button type="button" className="button button--quiet button--small" onClick={() => setConfirming(null)}>
                    Cancel
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="button button--quiet button--small"
                  aria-label={`Revoke ${token.name}`}
                  onClick={() => setConfirming(token.id)}
                >
                  Revoke
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
