import { Hono } from 'hono'
import { PhotoRequestSchema, RateSchema, WorkerMessageSchema } from '../../shared/schemas/track'
import { TrackRequestSchema } from '../../shared/validation'
import { messageItem, rateItem } from '../domain/items/worker'
import { publicItem } from '../domain/public-items'
import { trackCodes } from '../domain/track'
import { sendError } from '../http/api-error'
import type { AppEnv } from '../http/env'
import { json } from '../http/validate'
import { checkWorkerItem, photoBytes, sendPhoto, workerPhotoKey } from './photo-access'
import { parseRange, receiveChunk } from '../photos/store'

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
  // A photo of the worker's item, a chunk at a time (shared/photos.ts). The item, the photo's key and
  // the code come in headers, never the URL: a proxy's access log keeps URLs beside addresses.
  .put('/photos', async (c) => {
    const { itemId, sha256 } = workerPhotoKey(c.req.header('x-item-id'), c.req.header('x-photo-sha256'))
    await checkWorkerItem(c.get('db'), itemId, c.req.header('x-follow-up-code'))
    const body = new Uint8Array(await c.req.arrayBuffer())
    const range = parseRange(c.req.header('content-range'), body.length)
    return c.json(await receiveChunk(c.get('db'), { itemId, origin: 'worker', sha256, uploadedBy: null }, range, body))
  })
  // The worker's own photos and those a handler reported back with, by follow-up code.
  .post('/photo', json(PhotoRequestSchema), async (c) => {
    const { code, photoId, thumb } = c.req.valid('json')
    return sendPhoto(c, await photoBytes(c.get('db'), photoId, thumb ?? false, { code }))
  })
  .all('/', (c) => sendError(c, 'method_not_allowed'))
