import type { MiddlewareHandler } from 'hono'
import type { Limit } from '../limits/counter'
import { sendError } from './api-error'
import { clientAddress } from './client-info'
import type { AppEnv } from './env'

/** Counts each POST to a worker's route against its per-address budget; 429 with Retry-After past it. */
export function publicLimit(scope: 'submit' | 'track', limit: Limit): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST' || limit.max === 0) return next()
    const taken = await c.get('limiter').take(c.get('db'), [{ scope, subject: clientAddress(c), limit }])
    if (taken.over) {
      c.header('Retry-After', String(taken.retryAfterS))
      return sendError(c, 'rate_limited')
    }
    await next()
  }
}
