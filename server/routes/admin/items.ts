import { Hono } from 'hono'
import { ACTIONS, isAction } from '../../../shared/lifecycle'
import { ItemQuerySchema } from '../../../shared/schemas/item-query'
import { validate } from '../../../shared/validation'
import { requireRole, requireSession } from '../../auth/middleware'
import { performAction } from '../../domain/items/actions'
import { itemDetail } from '../../domain/items/detail'
import { listItems } from '../../domain/items/list'
import { itemStats } from '../../domain/items/stats'
import { exportCsv } from '../../domain/items/export'
import { ApiError } from '../../http/api-error'
import type { AppEnv } from '../../http/env'
import { readJson } from '../../http/read-json'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The union's inbox and every action on an item. Admins manage accounts, not items. */
export const itemsRoute = new Hono<AppEnv>()
  .use('*', requireSession, requireRole('officer', 'handler', 'leader'))
  .get('/', async (c) => {
    const query = validate(ItemQuerySchema, c.req.query())
    if (!query.ok) throw new ApiError(query.errors[0]!.code === 'unknown_field' ? 'invalid_query' : query.errors[0]!.code, query.errors)
    return c.json(await listItems(c.get('db'), c.get('user'), query.value))
  })
  .get('/stats', async (c) => c.json(await itemStats(c.get('db'), c.get('user'))))
  .get('/export.csv', async (c) => {
    // A download link cannot set headers: `lang` in the query names the reviewer's chosen language.
    const { lang, ...filters } = c.req.query()
    const query = validate(ItemQuerySchema, filters)
    if (!query.ok) throw new ApiError('invalid_query', query.errors)
    const language = lang === 'en' || lang === 'zh-CN' ? lang : c.get('lang')
    const csv = await exportCsv(c.get('db'), c.get('user'), query.value, language)
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', `attachment; filename="yijian-${new Date().toISOString().slice(0, 10)}.csv"`)
    return c.body(csv)
  })
  .get('/:id', async (c) => {
    const id = c.req.param('id')
    const detail = UUID.test(id) ? await itemDetail(c.get('db'), c.get('user'), id) : null
    if (!detail) throw new ApiError('not_found')
    return c.json(detail)
  })
  .post('/:id/:action', async (c) => {
    const id = c.req.param('id')
    const action = c.req.param('action')
    if (!UUID.test(id) || !isAction(action)) throw new ApiError('not_found')
    const body = validate(ACTIONS[action].body, await readJson(c))
    if (!body.ok) throw new ApiError(body.errors[0]!.code, body.errors)
    await performAction(c.get('db'), c.get('user'), id, action, body.value)
    return c.json(await itemDetail(c.get('db'), c.get('user'), id))
  })
