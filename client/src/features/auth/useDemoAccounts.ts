import { useEffect, useState } from 'react'
import type { DemoAccount } from '../../../../shared/auth/index.ts'
import { fetchDemoAccounts } from '../../auth/index.ts'

/** The demo accounts when the server runs in demo mode; null while asking, when demo mode is off, or when it cannot say. */
export function useDemoAccounts(): DemoAccount[] | null {
  const [accounts, setAccounts] = useState<DemoAccount[] | null>(null)
  useEffect(() => {
    const abort = new AbortController()
    fetchDemoAccounts(abort.signal).then(
      (found) => {
        if (!abort.signal.aborted) setAccounts(found)
      },
      () => {
        // No demo list is not an error worth a message: the sign-in form works without it.
      },
    )
    return () => abort.abort()
  }, [])
  return accounts
}
