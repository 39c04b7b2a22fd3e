import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import { ErrorCode, GalleyError } from '../../shared/protocol/index.ts'

export interface SignInLimits {
  /** Sign-in attempts per client address per window. */
  perIp: number
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
 * Limits password guessing: attempts per client address, and failures per email (so one address
 * cannot lock out everyone, and many addresses cannot hammer one account). In memory: per server
 * process (docs/access.md says what a multi-node deployment would use).
 */
export class SignInLimiter {
  private readonly byIp: RateLimiterMemory
  private readonly byEmail: RateLimiterMemory

  constructor(limits: SignInLimits) {
    this.byIp = new RateLimiterMemory({ points: limits.perIp, duration: limits.windowSeconds })
    this.byEmail = new RateLimiterMemory({ points: limits.failuresPerEmail, duration: limits.windowSeconds })
  }

  /** Counts an attempt; throws RateLimitedError when the address or the email is over its limit. */
  async attempt(ip: string, email: string): Promise<void> {
    const key = email.trim().toLowerCase()
    const failures = await this.byEmail.get(key)
    if (failures !== null && failures.remainingPoints <= 0) throw new RateLimitedError(Math.ceil(failures.msBeforeNext / 1000))
    try {
      await this.byIp.consume(ip)
    } catch (res) {
      if (res instanceof RateLimiterRes) throw new RateLimitedError(Math.ceil(res.msBeforeNext / 1000))
      throw res
    }
  }

  /** Records the outcome of an attempt. */
  async outcome(email: string, ok: boolean): Promise<void> {
    const key = email.trim().toLowerCase()
    if (ok) await this.byEmail.delete(key)
    else await this.byEmail.penalty(key, 1)
  }
}
