import { Hono } from 'hono'
import type { EntryPointAnswer } from '../../shared/api'
import { listCategories } from '../domain/categories'
import { entryPointInfo, entryPointList } from '../domain/public-view'
import { sendError } from '../http/api-error'
import type { AppEnv } from '../http/env'

/** Where a QR code hangs, so the form can say "来自：…"; and every QR point, for 选择地点. */
export const entryPointsRoute = new Hono<AppEnv>()
  .get('/', async (c) => c.json(await entryPointList(c.get('db'))))
  .get('/:code', async (c) => {
    const code = c.req.param('code')
    const info = /^[A-Za-z0-9_-]{1,32}$/.test(code) ? await entryPointInfo(c.get('db'), code) : null
    if (!info) return sendError(c, 'entry_point_not_found')
    return c.json({ ...info, categories: await listCategories(c.get('db')) } satisfies EntryPointAnswer)
  })
