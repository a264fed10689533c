import type { Context } from 'hono'
import type { ErrorCode } from '../../shared/errors'
import { ApiError } from '../http/api-error'
import { clientAddress } from '../http/client-info'
import type { AppEnv } from '../http/env'
import type { Count, Taken } from '../limits/counter'
import { LOGIN_LIMITS } from '../limits/policy'

/** Which hold answers a login that is over which counter: the message says why, Retry-After when. */
const HOLDS: Record<string, ErrorCode> = {
  'login-pair': 'too_many_attempts',
  'login-user': 'login_paused_account',
  'login-address': 'login_paused_address',
  password: 'password_change_paused',
}

export interface Attempt {
  taken: Taken
  /** The attempt succeeded: it does not count, and the pair's earlier failures are forgiven. */
  succeeded(): Promise<void>
}

/**
 * Counts a password check before it runs (a burst of parallel guesses is counted exactly, and
 * only those within the limits are checked at all), or answers 429 with the reason.
 */
async function attempt(c: Context<AppEnv>, counts: Count[], forgive: Count | null): Promise<Attempt> {
  const db = c.get('db')
  const limiter = c.get('limiter')
  const taken = await limiter.take(db, counts)
  if (taken.over) {
    c.header('Retry-After', String(taken.retryAfterS))
    throw new ApiError(HOLDS[taken.over.scope] ?? 'too_many_attempts')
  }
  return {
    taken,
    async succeeded() {
      await limiter.giveBack(db, taken)
      if (forgive) await limiter.clear(db, forgive)
    },
  }
}

/** A login: per username and address, per username, per address. */
export function loginAttempt(c: Context<AppEnv>, username: string): Promise<Attempt> {
  const address = clientAddress(c)
  const pair: Count = { scope: 'login-pair', subject: `${username}\n${address}`, limit: LOGIN_LIMITS.pair }
  return attempt(
    c,
    [pair, { scope: 'login-user', subject: username, limit: LOGIN_LIMITS.user }, { scope: 'login-address', subject: address, limit: LOGIN_LIMITS.address }],
    pair,
  )
}

/** A password change's check of the current password, per account. */
export function passwordAttempt(c: Context<AppEnv>, userId: string): Promise<Attempt> {
  const count: Count = { scope: 'password', subject: userId, limit: LOGIN_LIMITS.password }
  return attempt(c, [count], count)
}
