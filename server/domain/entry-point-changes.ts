import type { Kysely } from 'kysely'
import type { EntryPointView } from '../../shared/admin-api'
import type { Database } from '../db/schema'
import { ApiError } from '../http/api-error'
import { entryPointInScope } from './entry-point-views'
import { holdUnit, unitInScope, unitNotFound } from './units'

/** A new QR point at a unit of `scopePath`'s subtree; its code is the link's and must be free. */
export async function createEntryPoint(
  db: Kysely<Database>,
  scopePath: string,
  fields: { code: string; name: string; unitId: string },
): Promise<EntryPointView> {
  const { code, name, unitId } = fields
  if (!(await unitInScope(db, scopePath, unitId))) throw unitNotFound()
  const id = await db.transaction().execute(async (trx) => {
    await holdUnit(trx, unitId)
    const row = await trx
      .insertInto('entry_points')
      .values({ code, name, unit_id: unitId })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!row) throw new ApiError('entry_point_code_taken', [{ path: 'code', code: 'entry_point_code_taken' }])
    return row.id
  })
  return (await entryPointInScope(db, scopePath, id))!
}

/** Renames, moves, or (de)activates a QR point of `scopePath`'s subtree; its code never changes. */
export async function updateEntryPoint(
  db: Kysely<Database>,
  scopePath: string,
  id: string,
  change: { name?: string; unitId?: string; active?: boolean },
): Promise<EntryPointView> {
  if (!(await entryPointInScope(db, scopePath, id))) throw new ApiError('not_found')
  const { name, unitId, active } = change
  if (unitId && !(await unitInScope(db, scopePath, unitId))) throw unitNotFound()
  await db.transaction().execute(async (trx) => {
    if (unitId) await holdUnit(trx, unitId)
    if (name === undefined && unitId === undefined && active === undefined) return
    // Items already received keep the unit they arrived at; only new ones follow the move.
    await trx
      .updateTable('entry_points')
      .set({ ...(name !== undefined ? { name } : {}), ...(unitId ? { unit_id: unitId } : {}), ...(active !== undefined ? { active } : {}) })
      .where('id', '=', id)
      .execute()
  })
  return (await entryPointInScope(db, scopePath, id))!
}
