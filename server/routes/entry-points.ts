import { Hono } from 'hono'
import * as v from 'valibot'
import type { EntryPointAnswer } from '../../shared/api'
import { entryPointCode } from '../../shared/validation'
import { listCategories } from '../domain/categories'
import { countScan } from '../domain/scans'
import { entryPointInfo, entryPointList } from '../domain/public-view'
import { ApiError } from '../http/api-error'
import type { AppEnv } from '../http/env'
import { params, query } from '../http/validate'

/** Where a QR code hangs, so the form can say "来自：…"; and every QR point, for 选择地点. */
export const entryPointsRoute = new Hono<AppEnv>()
  .get('/', async (c) => c.json(await entryPointList(c.get('db'))))
  // `?scan=1`: the page was opened by this QR code (not a place chosen in the app): one more scan today.
  .get('/:code', params(v.object({ code: entryPointCode }), 'entry_point_not_found'), query(v.object({ scan: v.optional(v.literal('1')) })), async (c) => {
    const info = await entryPointInfo(c.get('db'), c.req.valid('param').code)
    if (!info) throw new ApiError('entry_point_not_found')
    if (c.req.valid('query').scan) await countScan(c.get('db'), info.code)
    return c.json({ ...info, categories: await listCategories(c.get('db')) } satisfies EntryPointAnswer)
  })
