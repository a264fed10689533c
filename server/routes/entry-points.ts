import { Hono } from 'hono'
import * as v from 'valibot'
import type { EntryPointAnswer } from '../../shared/api'
import { entryPointCode } from '../../shared/validation'
import { listCategories } from '../domain/categories'
import { entryPointInfo, entryPointList } from '../domain/public-view'
import { ApiError } from '../http/api-error'
import type { AppEnv } from '../http/env'
import { params } from '../http/validate'

/** Where a QR code hangs, so the form can say "来自：…"; and every QR point, for 选择地点. */
export const entryPointsRoute = new Hono<AppEnv>()
  .get('/', async (c) => c.json(await entryPointList(c.get('db'))))
  .get('/:code', params(v.object({ code: entryPointCode }), 'entry_point_not_found'), async (c) => {
    const info = await entryPointInfo(c.get('db'), c.req.valid('param').code)
    if (!info) throw new ApiError('entry_point_not_found')
    return c.json({ ...info, categories: await listCategories(c.get('db')) } satisfies EntryPointAnswer)
  })
