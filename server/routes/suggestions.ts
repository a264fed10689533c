import { Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { SubmitResponse } from '../../shared/api'
import { SubmitBatchSchema, validate } from '../../shared/validation'
import { submitItems, batchStatus } from '../domain/submit'
import { ApiError, sendError } from '../http/api-error'
import type { AppEnv } from '../http/env'
import { readJson } from '../http/read-json'

/** Where every device write arrives: a batch of 1 to 100 items, each answered on its own. */
export const suggestionsRoute = new Hono<AppEnv>()
  .post('/', async (c) => {
    const envelope = validate(SubmitBatchSchema, await readJson(c))
    if (!envelope.ok) throw new ApiError(envelope.errors[0]!.code, envelope.errors)
    const results = await submitItems(c.get('db'), envelope.value.items, c.get('lang'))
    const status = batchStatus(results)
    const first = results[0]
    // When every item failed the same way, the failure is also the request's error.
    const error = status >= 400 && first?.result === 'rejected' ? { error: first.error } : {}
    const body: SubmitResponse = { results }
    return c.json({ ...body, ...error }, status as ContentfulStatusCode)
  })
  .all('/', (c) => sendError(c, 'method_not_allowed'))
