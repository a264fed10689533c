import { Hono, type Context } from 'hono'
import { CreateEntryPointSchema, UpdateEntryPointSchema } from '../../../shared/schemas/entry-points'
import { validate } from '../../../shared/validation'
import { requireRole, requireSession } from '../../auth/middleware'
import { entryPointInScope, listEntryPoints } from '../../domain/entry-point-views'
import { qrSvg } from '../../domain/qr-svg'
import { unitInScope } from '../../domain/units'
import { ApiError } from '../../http/api-error'
import { isHttps, requestHost } from '../../http/client-info'
import type { AppEnv } from '../../http/env'
import { readJson } from '../../http/read-json'
import { invalid, uuidParam } from '../../http/uuid-param'

const unitNotFound = () => new ApiError('unit_not_found', [{ path: 'unitId', code: 'unit_not_found' }])

/** The site's own address as the browser reached it, for a poster that must work when scanned. */
function siteOrigin(c: Context<AppEnv>): string {
  return c.get('network').publicOrigin ?? `${isHttps(c) ? 'https' : 'http'}://${requestHost(c)}`
}

/** QR entry points of the caller's subtree: admins manage them, officers read them. */
export const adminEntryPointsRoute = new Hono<AppEnv>()
  .use('*', requireSession, requireRole('admin', 'officer'))
  .get('/', async (c) => c.json(await listEntryPoints(c.get('db'), c.get('user').unitPath)))
  .get('/:id/qr.svg', async (c) => {
    const ep = await entryPointInScope(c.get('db'), c.get('user').unitPath, uuidParam(c))
    if (!ep) throw new ApiError('not_found')
    c.header('Content-Type', 'image/svg+xml; charset=utf-8')
    c.header('Content-Disposition', `inline; filename="qr-${ep.code}.svg"`)
    return c.body(qrSvg(`${siteOrigin(c)}${ep.link}`, ep.name))
  })
  .post('/', requireRole('admin'), async (c) => {
    const db = c.get('db')
    const body = validate(CreateEntryPointSchema, await readJson(c))
    if (!body.ok) throw invalid(body.errors)
    const { code, name, unitId } = body.value
    if (!(await unitInScope(db, c.get('user').unitPath, unitId))) throw unitNotFound()
    const id = await db.transaction().execute(async (trx) => {
      // Held so that a concurrent delete of the unit waits, then finds it in use.
      const unit = await trx.selectFrom('org_units').select('id').where('id', '=', unitId).forShare().executeTakeFirst()
      if (!unit) throw unitNotFound()
      const row = await trx
        .insertInto('entry_points')
        .values({ code, name, unit_id: unitId })
        .onConflict((oc) => oc.column('code').doNothing())
        .returning('id')
        .executeTakeFirst()
      if (!row) throw new ApiError('entry_point_code_taken', [{ path: 'code', code: 'entry_point_code_taken' }])
      return row.id
    })
    return c.json(await entryPointInScope(db, c.get('user').unitPath, id), 201)
  })
  .patch('/:id', requireRole('admin'), async (c) => {
    const db = c.get('db')
    const scope = c.get('user').unitPath
    const id = uuidParam(c)
    const body = validate(UpdateEntryPointSchema, await readJson(c))
    if (!body.ok) throw invalid(body.errors)
    if (!(await entryPointInScope(db, scope, id))) throw new ApiError('not_found')
    const { name, unitId, active } = body.value
    if (unitId && !(await unitInScope(db, scope, unitId))) throw unitNotFound()
    await db.transaction().execute(async (trx) => {
      if (unitId && !(await trx.selectFrom('org_units').select('id').where('id', '=', unitId).forShare().executeTakeFirst())) {
        throw unitNotFound()
      }
      if (name === undefined && unitId === undefined && active === undefined) return
      // Items already received keep the unit they arrived at; only new ones follow the move.
      await trx
        .updateTable('entry_points')
        .set({ ...(name !== undefined ? { name } : {}), ...(unitId ? { unit_id: unitId } : {}), ...(active !== undefined ? { active } : {}) })
        .where('id', '=', id)
        .execute()
    })
    return c.json(await entryPointInScope(db, scope, id))
  })
