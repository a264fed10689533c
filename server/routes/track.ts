import { Hono } from 'hono'
import { RateSchema, WorkerMessageSchema } from '../../shared/schemas/track'
import { TrackRequestSchema, validate } from '../../shared/validation'
import { messageItem, rateItem } from '../domain/items/worker'
import { publicItem } from '../domain/public-view'
import { trackCodes } from '../domain/track'
import { ApiError, sendError } from '../http/api-error'
import type { AppEnv } from '../http/env'
import { readJson } from '../http/read-json'

/**
 * The worker's side of an item, by follow-up code: status and public timeline, the verdict on
 * the answer, a follow-up message. POST, so that codes stay out of URLs and logs.
 */
export const trackRoute = new Hono<AppEnv>()
  .post('/', async (c) => {
    const request = validate(TrackRequestSchema, await readJson(c))
    if (!request.ok) throw new ApiError(request.errors[0]!.code, request.errors)
    return c.json(await trackCodes(c.get('db'), request.value.codes))
  })
  .post('/rate', async (c) => {
    const request = validate(RateSchema, await readJson(c))
    if (!request.ok) throw new ApiError(request.errors[0]!.code, request.errors)
    const { id: clientId, code, rating, message } = request.value
    const id = await rateItem(c.get('db'), code, rating, message, clientId)
    return c.json({ item: await publicItem(c.get('db'), id) })
  })
  .post('/message', async (c) => {
    const request = validate(WorkerMessageSchema, await readJson(c))
    if (!request.ok) throw new ApiError(request.errors[0]!.code, request.errors)
    const id = await messageItem(c.get('db'), request.value.code, request.value.text, request.value.id)
    return c.json({ item: await publicItem(c.get('db'), id) })
  })
  .all('/', (c) => sendError(c, 'method_not_allowed'))
