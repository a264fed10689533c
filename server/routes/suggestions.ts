import { Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { SubmitResponse } from '../../shared/api'
import { SubmitBatchSchema, validate } from '../../shared/validation'
import { batchStatus, submitItems, type ItemBudget } from '../domain/submit'
import { ApiError, sendError } from '../http/api-error'
import { clientAddress } from '../http/client-info'
import type { AppEnv } from '../http/env'
import { readJson } from '../http/read-json'
import type { Limit } from '../limits/counter'

/**
 * Where every device write arrives: a batch of 1 to 100 items, each answered on its own.
 * `itemLimit` bounds the new items one address may add (replays are free); null for none.
 */
export function suggestionsRoute(itemLimit: Limit | null) {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const envelope = validate(SubmitBatchSchema, await readJson(c))
      if (!envelope.ok) throw new ApiError(envelope.errors[0]!.code, envelope.errors)
      const db = c.get('db')
      const budget: ItemBudget | undefined =
        itemLimit && itemLimit.max > 0
          ? async (n) => {
              const limiter = c.get('limiter')
              const taken = await limiter.take(db, [{ scope: 'items', subject: clientAddress(c), limit: itemLimit }], n)
              if (!taken.over) return { ok: true, giveBack: (k) => limiter.giveBack(db, taken, k) }
              // Refused whole: what this batch took must not shrink what is left for a smaller one.
              await limiter.giveBack(db, taken)
              return { ok: false, retryAfterS: taken.retryAfterS }
            }
          : undefined
      const { outcomes, retryAfterS } = await submitItems(db, envelope.value.items, c.get('lang'), budget)
      if (retryAfterS) c.header('Retry-After', String(retryAfterS))
      const status = batchStatus(outcomes)
      const first = outcomes[0]
      // When every item failed the same way, the failure is also the request's error.
      const error = status >= 400 && first?.result === 'rejected' ? { error: first.error } : {}
      const body: SubmitResponse = { results: outcomes }
      return c.json({ ...body, ...error }, status as ContentfulStatusCode)
    })
    .all('/', (c) => sendError(c, 'method_not_allowed'))
}
