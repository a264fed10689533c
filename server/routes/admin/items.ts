import { Hono, type Context } from 'hono'
import { ACTION_NAMES, ACTIONS } from '../../../shared/lifecycle'
import { ItemQuerySchema, type ItemQuery } from '../../../shared/schemas/item-query'
import { BreakdownQuerySchema, StatsQuerySchema } from '../../../shared/schemas/stats-query'
import { todayInChina } from '../../../shared/time'
import { requireRole, requireSession } from '../../auth/middleware'
import { performAction } from '../../domain/items/actions'
import { itemDetail } from '../../domain/items/detail'
import { listItems } from '../../domain/items/list'
import { itemStats } from '../../domain/items/stats'
import { breakdownRows } from '../../domain/items/breakdown'
import { ledgerRows } from '../../domain/items/ledger'
import { ledgerCsv, ledgerXlsx } from '../../domain/items/ledger-files'
import { ApiError } from '../../http/api-error'
import type { AppEnv } from '../../http/env'
import { idParam, json, query } from '../../http/validate'
import { checkVisibleItem, photoKeyParams } from '../photo-access'
import { dropPendingPhoto, parseRange, receiveChunk } from '../../photos/store'

/** The union's inbox and every action on an item. Admins manage accounts, not items. */
export const itemsRoute = new Hono<AppEnv>()
  .use('*', requireSession, requireRole('officer', 'handler', 'leader'))
  .get('/', query(ItemQuerySchema), async (c) => c.json(await listItems(c.get('db'), c.get('user'), c.req.valid('query'))))
  .get('/stats', query(StatsQuerySchema), async (c) => c.json(await itemStats(c.get('db'), c.get('user'), c.req.valid('query'))))
  .get('/breakdown', query(BreakdownQuerySchema), async (c) => {
    const { by, ...period } = c.req.valid('query')
    return c.json(await breakdownRows(c.get('db'), c.get('user'), period, by))
  })
  // A download link cannot set headers: `lang` in the query names the reviewer's chosen language.
  .get('/export.csv', query(ItemQuerySchema, { ignore: ['lang'] }), (c) => ledger(c, 'csv'))
  .get('/export.xlsx', query(ItemQuerySchema, { ignore: ['lang'] }), (c) => ledger(c, 'xlsx'))
  // A reviewer's photo for a report back, a chunk at a time; the report action then names it.
  .put('/:itemId/photos/:sha256', requireRole('officer', 'handler'), photoKeyParams, async (c) => {
    const { itemId, sha256 } = c.req.valid('param')
    const user = c.get('user')
    await checkVisibleItem(c.get('db'), user, itemId)
    const body = new Uint8Array(await c.req.arrayBuffer())
    const range = parseRange(c.req.header('content-range'), body.length)
    return c.json(await receiveChunk(c.get('db'), { itemId, origin: 'staff', sha256, uploadedBy: user.id }, range, body))
  })
  .delete('/:itemId/photos/:sha256', requireRole('officer', 'handler'), photoKeyParams, async (c) => {
    const { itemId, sha256 } = c.req.valid('param')
    await dropPendingPhoto(c.get('db'), { itemId, origin: 'staff', sha256, uploadedBy: c.get('user').id })
    return c.body(null, 204)
  })
  .get('/:id', idParam, async (c) => {
    const detail = await itemDetail(c.get('db'), c.get('user'), c.req.valid('param').id)
    if (!detail) throw new ApiError('not_found')
    return c.json(detail)
  })

// One route per action, each with its body's schema; any other action name is no route (404).
for (const action of ACTION_NAMES) {
  itemsRoute.post(`/:id/${action}`, idParam, json(ACTIONS[action].body), async (c) => {
    const { id } = c.req.valid('param')
    await performAction(c.get('db'), c.get('user'), id, action, c.req.valid('json'))
    // What the action wrote to the outbox goes out now, not at the sender's next round.
    c.get('notifier').kick()
    return c.json(await itemDetail(c.get('db'), c.get('user'), id))
  })
}

const LEDGER_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** The 台账 of the inbox's filters, streamed as it is read: no cap, never whole in memory. */
async function ledger(c: Context<AppEnv, string, { out: { query: ItemQuery } }>, format: keyof typeof LEDGER_TYPES) {
  const lang = c.req.query('lang')
  const language = lang === 'en' || lang === 'zh-CN' ? lang : c.get('lang')
  const rows = await ledgerRows(c.get('db'), c.get('user'), c.req.valid('query'), language)
  const body = format === 'csv' ? ledgerCsv(rows, language) : ledgerXlsx(rows, language)
  c.header('Content-Type', LEDGER_TYPES[format])
  c.header('Content-Disposition', `attachment; filename="yijian-ledger-${todayInChina()}.${format}"`)
  c.header('Cache-Control', 'no-store')
  return c.body(body)
}
