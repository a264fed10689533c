import { Hono } from 'hono'
import { ChannelCreateSchema, ChannelUpdateSchema, NotifySettingsSchema } from '../../../shared/notify'
import { requireRole, requireSession } from '../../auth/middleware'
import type { AppEnv } from '../../http/env'
import { idParam, json } from '../../http/validate'
import { createChannel, deleteChannel, notifyOverview, saveSettings, sendTest, updateChannel } from '../../domain/notify-channels'

/** Messages to work groups: admins configure the channels of their subtree and the union's settings. */
export const notifyRoute = new Hono<AppEnv>()
  .use('*', requireSession, requireRole('admin'))
  .get('/', async (c) => c.json(await notifyOverview(c.get('db'), c.get('user'), c.get('notifier').options.fallbackUrl !== null)))
  .put('/settings', json(NotifySettingsSchema), async (c) => {
    await saveSettings(c.get('db'), c.get('user'), c.req.valid('json'))
    return c.body(null, 204)
  })
  .post('/channels', json(ChannelCreateSchema), async (c) => c.json(await createChannel(c.get('db'), c.get('user'), c.req.valid('json')), 201))
  .patch('/channels/:id', idParam, json(ChannelUpdateSchema), async (c) => {
    await updateChannel(c.get('db'), c.get('user'), c.req.valid('param').id, c.req.valid('json'))
    return c.body(null, 204)
  })
  .delete('/channels/:id', idParam, async (c) => {
    await deleteChannel(c.get('db'), c.get('user'), c.req.valid('param').id)
    return c.body(null, 204)
  })
  .post('/channels/:id/test', idParam, async (c) => c.json(await sendTest(c.get('db'), c.get('notifier'), c.get('user'), c.req.valid('param').id)))
