import { Hono } from 'hono'
import { RateSchema, WorkerMessageSchema } from '../../shared/schemas/track'
import { TrackRequestSchema } from '../../shared/validation'
import { messageItem, rateItem } from '../domain/items/worker'
import { publicItem } from '../domain/public-items'
import { trackCodes } from '../domain/track'
import { sendError } from '../http/api-error'
import type { AppEnv } from '../http/env'
import { json } from '../http/validate'

/**
 * The worker's side of an item, by follow-up code: status and public timeline, the verdict on
 * the answer, a follow-up message. POST, so that codes stay out of URLs and logs.
 */
export const trackRoute = new Hono<AppEnv>()
  .post('/', json(TrackRequestSchema), async (c) => c.json(await trackCodes(c.get('db'), c.req.valid('json').codes)))
  .post('/rate', json(RateSchema), async (c) => {
    const { id: clientId, code, rating, message } = c.req.valid('json')
    const id = await rateItem(c.get('db'), code, rating, message, clientId)
    return c.json({ item: await publicItem(c.get('db'), id) })
  })
  .post('/message', json(WorkerMessageSchema), async (c) => {
    const { id: clientId, code, text } = c.req.valid('json')
    const id = await messageItem(c.get('db'), code, text, clientId)
    return c.json({ item: await publicItem(c.get('db'), id) })
  })
  .all('/', (c) => sendError(c, 'method_not_allowed'))
