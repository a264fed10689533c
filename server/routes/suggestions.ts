import { Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { SubmitResponse } from '../../shared/api'
import { SubmitBatchSchema, validate } from '../../shared/validation'
import { batchStatus, submitItems } from '../domain/submit'
import { ApiError, sendError } from '../http/api-error'
import { itemBudget } from '../http/public-limit'
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
      const { outcomes, retryAfterS } = await submitItems(c.get('db'), envelope.value.items, c.get('lang'), itemBudget(c, itemLimit))
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
