import type { Context, MiddlewareHandler } from 'hono'
import type { ItemBudget } from '../domain/submit'
import type { Limit } from '../limits/counter'
import { sendError } from './api-error'
import { clientAddress } from './client-info'
import type { AppEnv } from './env'

/** Counts each `method` request to a worker's route against its per-address budget; 429 with Retry-After past it. */
export function publicLimit(scope: 'submit' | 'track' | 'photos', limit: Limit, method: 'POST' | 'PUT' = 'POST'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== method || limit.max === 0) return next()
    const taken = await c.get('limiter').take(c.get('db'), [{ scope, subject: clientAddress(c), limit }])
    if (taken.over) {
      c.header('Retry-After', String(taken.retryAfterS))
      return sendError(c, 'rate_limited')
    }
    await next()
  }
}

/** The new items one address may still add, for `submitItems` (replays cost nothing); undefined for no limit. */
export function itemBudget(c: Context<AppEnv>, limit: Limit | null): ItemBudget | undefined {
  if (!limit || limit.max === 0) return undefined
  return async (n) => {
    const db = c.get('db')
    const limiter = c.get('limiter')
    const taken = await limiter.take(db, [{ scope: 'items', subject: clientAddress(c), limit }], n)
    if (!taken.over) return { ok: true, giveBack: (k) => limiter.giveBack(db, taken, k) }
    // Refused whole: what this batch took must not shrink what is left for a smaller one.
    await limiter.giveBack(db, taken)
    return { ok: false, retryAfterS: taken.retryAfterS }
  }
}
