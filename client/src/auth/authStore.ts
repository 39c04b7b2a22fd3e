import type { PublicUser, SignUpRequest } from '../../../shared/auth/index.ts'
import { toApiError, type ApiError } from '../api/index.ts'
import * as authApi from './authApi.ts'

/**
 * Who is signed in on this page:
 * - `loading`: asking the server (`GET /api/auth/me`);
 * - `signed-in`: a session the server accepts, and its user;
 * - `signed-out`: no session; `expired` when there was one and the server stopped accepting it;
 * - `unreachable`: the server could not be asked (offline, down); `retry()` asks again.
 */
export type AuthState =
  | { status: 'loading' }
  | { status: 'signed-in'; user: PublicUser }
  | { status: 'signed-out'; expired: boolean }
  | { status: 'unreachable'; error: ApiError }

/** The server calls the store makes; the real ones by default, fakes in tests. */
export type AuthApi = Pick<typeof authApi, 'fetchCurrentUser' | 'signIn' | 'signOut' | 'signUp'>

/**
 * The page's signed-in state and the actions that change it. Framework-free: React reads it through
 * useSyncExternalStore (`subscribe`, `get` are stable functions). The session cookie itself is
 * HttpOnly: the store only ever learns who the server says is signed in.
 */
export class AuthStore {
  private state: AuthState = { status: 'loading' }
  private readonly listeners = new Set<() => void>()
  private generation = 0

  constructor(private readonly api: AuthApi = authApi) {}

  /** The current state; the same object until it changes. */
  readonly get = (): AuthState => this.state

  /** Calls `listener` after every change; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The signed-in user, or null. */
  get user(): PublicUser | null {
    return this.state.status === 'signed-in' ? this.state.user : null
  }

  /** Asks the server who is signed in (on start, and to retry after `unreachable`). */
  async load(): Promise<void> {
    const generation = ++this.generation
    this.set({ status: 'loading' })
    try {
      const user = await this.api.fetchCurrentUser()
      if (generation !== this.generation) return
      this.set(user ? { status: 'signed-in', user } : { status: 'signed-out', expired: false })
    } catch (err) {
      if (generation !== this.generation) return
      this.set({ status: 'unreachable', error: toApiError(err) })
    }
  }

  /** Signs in; resolves to the user, or rejects with the server's ApiError (the state stays as it was). */
  async signIn(email: string, password: string): Promise<PublicUser> {
    const { user } = await this.api.signIn(email, password)
    this.generation++
    this.set({ status: 'signed-in', user })
    return user
  }

  /** Creates an account from an invitation and signs it in; rejects with the server's ApiError. */
  async signUp(request: SignUpRequest): Promise<PublicUser> {
    const { user } = await this.api.signUp(request)
    this.generation++
    this.set({ status: 'signed-in', user })
    return user
  }

  /** Signs out on the server; rejects (and stays signed in) when the server could not be told. */
  async signOut(): Promise<void> {
    await this.api.signOut()
    this.generation++
    this.set({ status: 'signed-out', expired: false })
  }

  /** The server stopped accepting the session (a 401, a refused socket): signed out, marked expired. */
  sessionEnded(): void {
    if (this.state.status !== 'signed-in') return
    this.generation++
    this.set({ status: 'signed-out', expired: true })
  }

  private set(next: AuthState): void {
    this.state = next
    for (const listener of [...this.listeners]) listener()
  }
}
