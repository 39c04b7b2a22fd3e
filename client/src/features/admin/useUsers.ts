import type { PublicUser } from '../../../../shared/auth/index.ts'
import { useFetched, type Fetched } from '../../ui/index.ts'
import { listUsers } from './adminApi.ts'

/** Every account as it loads, by name. */
export type UsersState = Fetched<PublicUser[]>

/** Fetches the user list on mount and on reload(). */
export function useUsers(): [UsersState, () => void] {
  return useFetched(async (signal) => [...(await listUsers(signal))].sort((a, b) => a.name.localeCompare(b.name)), [])
}
