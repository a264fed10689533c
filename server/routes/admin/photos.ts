import { Hono } from 'hono'
import { requireRole, requireSession } from '../../auth/middleware'
import type { AppEnv } from '../../http/env'
import { idParam } from '../../http/validate'
import { photoBytes, sendPhoto } from '../photo-access'

/** A photo of an item, full size or as a thumbnail, to whoever may see the item. */
export const photosRoute = new Hono<AppEnv>()
  .use('*', requireSession, requireRole('officer', 'handler', 'leader'))
  .get('/:id', idParam, async (c) => sendPhoto(c, await photoBytes(c.get('db'), c.req.valid('param').id, false, { user: c.get('user') })))
  .get('/:id/thumb', idParam, async (c) => sendPhoto(c, await photoBytes(c.get('db'), c.req.valid('param').id, true, { user: c.get('user') })))
