import { Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { SubmitResponse } from '../../shared/api'
import { SubmitBatchSchema } from '../../shared/validation'
import { batchStatus, submitItems } from '../domain/submit'
import { sendError } from '../http/api-error'
import { itemBudget } from '../http/public-limit'
import type { AppEnv } from '../http/env'
import { json } from '../http/validate'
import type { Limit } from '../limits/counter'

/**
 * Where every device write arrives: a batch of 1 to 100 items, each answered on its own.
 * `itemLimit` bounds the new items one address may add (replays are free); null for none.
 */
export function suggestionsRoute(itemLimit: Limit | null) {
  return new Hono<AppEnv>()
    .post('/', json(SubmitBatchSchema), async (c) => {
      const { outcomes, retryAfterS } = await submitItems(c.get('db'), c.req.valid('json').items, c.get('lang'), itemBudget(c, itemLimit))
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
