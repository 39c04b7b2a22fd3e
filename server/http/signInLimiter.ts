import { RateLimiterMemory } from 'rate-limiter-flexible'
import { ErrorCode, GalleyError } from '../../shared/protocol/index.ts'

export interface SignInLimits {
  /** Failed attempts per client address per window (a newsroom behind one NAT address signs in often, and rightly). */
  failuresPerIp: number
  /** Failed attempts per email per window; a success clears them. */
  failuresPerEmail: number
  windowSeconds: number
}

/** A 429 that says when to try again. */
export class RateLimitedError extends GalleyError {
  constructor(readonly retryAfterSeconds: number) {
    super(ErrorCode.rateLimited, `too many sign-in attempts; try again in ${retryAfterSeconds} s`)
  }
}

/**
 * Limits password guessing: failures per client address (one address cannot try many accounts) and
 * per email (many addresses cannot hammer one account). Successful sign-ins are never limited. In
 * memory: per server process (docs/access.md says what a multi-node deployment would use).
 */
export class SignInLimiter {
  private readonly byIp: RateLimiterMemory
  private readonly byEmail: RateLimiterMemory

  constructor(limits: SignInLimits) {
    this.byIp = new RateLimiterMemory({ points: limits.failuresPerIp, duration: limits.windowSeconds })
    this.byEmail = new RateLimiterMemory({ points: limits.failuresPerEmail, duration: limits.windowSeconds })
  }

  /** Before checking a password: throws RateLimitedError when the address or the email has failed too often. */
  async attempt(ip: string, email: string): Promise<void> {
    for (const [limiter, key] of [
      [this.byIp, ip],
      [this.byEmail, email.trim().toLowerCase()],
    ] as const) {
      const failures = await limiter.get(key)
      if (failures !== null && failures.remainingPoints <= 0) throw new RateLimitedError(Math.ceil(failures.msBeforeNext / 1000))
    }
  }

  /** Records the outcome of an attempt: a failure counts against both; a success clears the email's count. */
  async outcome(ip: string, email: string, ok: boolean): Promise<void> {
    const key = email.trim().toLowerCase()
    if (ok) {
      await this.byEmail.delete(key)
      return
    }
    await this.byEmail.penalty(key, 1)
    await this.byIp.penalty(ip, 1)
  }
}
