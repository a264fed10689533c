import { sql, type Kysely, type Transaction } from 'kysely'
import { randomUUID } from 'node:crypto'
import type { UnitView } from '../../shared/admin-api'
import { nameKey } from '../../shared/text'
import type { Database, OrgUnitTable } from '../db/schema'
import { ApiError } from '../http/api-error'
import { unitView } from './unit-tree'
import { unitInScope, unitNotFound } from './units'

type Kind = OrgUnitTable['kind']

const nameTaken = () => new ApiError('unit_name_taken', [{ path: 'name', code: 'unit_name_taken' }])

/**
 * Siblings must differ by name as people read it (`nameKey`: width, case, compatibility forms):
 * people (and the user CLI's `--unit`) pick a unit by its name. Callers hold the parent's row
 * lock, so two creations under one parent cannot both pass.
 */
async function siblingNamed(trx: Transaction<Database>, parentId: string | null, name: string, except?: string) {
  let q = trx.selectFrom('org_units').select(['id', 'name'])
  q = parentId ? q.where('parent_id', '=', parentId) : q.where('parent_id', 'is', null)
  const key = nameKey(name)
  return (await q.execute()).some((sibling) => sibling.id !== except && nameKey(sibling.name) === key)
}

/** What still hangs on a unit; any of it blocks deletion (the foreign keys would refuse it anyway). */
async function hasDependents(trx: Transaction<Database>, id: string): Promise<boolean> {
  const { rows } = await sql<{ busy: boolean }>`select
      exists(select 1 from org_units where parent_id = ${id})
      or exists(select 1 from users where unit_id = ${id})
      or exists(select 1 from entry_points where unit_id = ${id})
      or exists(select 1 from suggestions where unit_id = ${id})
      or exists(select 1 from assignments where unit_id = ${id}) as busy`.execute(trx)
  return rows[0]!.busy
}

/** A new unit under `parentId`, which must lie in `scopePath`'s subtree. */
export async function createUnit(
  db: Kysely<Database>,
  scopePath: string,
  fields: { parentId: string; name: string; kind: Kind; sort?: number },
): Promise<UnitView> {
  const { parentId, name, kind, sort } = fields
  if (!(await unitInScope(db, scopePath, parentId))) throw unitNotFound('parentId')
  const id = randomUUID()
  await db.transaction().execute(async (trx) => {
    const parent = await trx.selectFrom('org_units').select(['id', 'path']).where('id', '=', parentId).forUpdate().executeTakeFirst()
    if (!parent) throw unitNotFound('parentId')
    if (await siblingNamed(trx, parentId, name)) throw nameTaken()
    await trx
      .insertInto('org_units')
      .values({ id, parent_id: parentId, path: `${parent.path}${id}/`, kind, name, ...(sort !== undefined ? { sort } : {}) })
      .execute()
  })
  return (await unitView(db, id))!
}

/** Renames, re-kinds or re-sorts a unit of `scopePath`'s subtree; it never moves. */
export async function updateUnit(
  db: Kysely<Database>,
  scopePath: string,
  id: string,
  change: { name?: string; kind?: Kind; sort?: number },
): Promise<UnitView> {
  const unit = await unitInScope(db, scopePath, id)
  if (!unit) throw new ApiError('not_found')
  const { name, kind, sort } = change
  await db.transaction().execute(async (trx) => {
    if (unit.parent_id) await trx.selectFrom('org_units').select('id').where('id', '=', unit.parent_id).forUpdate().execute()
    const row = await trx.selectFrom('org_units').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
    if (!row) throw new ApiError('not_found')
    if (name !== undefined && (await siblingNamed(trx, unit.parent_id, name, id))) throw nameTaken()
    if (name === undefined && kind === undefined && sort === undefined) return
    await trx
      .updateTable('org_units')
      .set({ ...(name !== undefined ? { name } : {}), ...(kind ? { kind } : {}), ...(sort !== undefined ? { sort } : {}) })
      .where('id', '=', id)
      .execute()
  })
  return (await unitView(db, id))!
}

/** Deletes an empty unit of `scopePath`'s subtree; the scope's own unit holds its caller, so never that. */
export async function deleteUnit(db: Kysely<Database>, scopePath: string, id: string): Promise<void> {
  const unit = await unitInScope(db, scopePath, id)
  if (!unit) throw new ApiError('not_found')
  // The caller's own unit always holds the caller; this says so before any counting.
  if (unit.path === scopePath) throw new ApiError('unit_not_empty')
  try {
    await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('org_units').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
      if (!row) throw new ApiError('not_found')
      if (await hasDependents(trx, id)) throw new ApiError('unit_not_empty')
      // Reply templates belong to the unit and go with it (ON DELETE CASCADE).
      await trx.deleteFrom('org_units').where('id', '=', id).execute()
    })
  } catch (err) {
    // A row that began to hang on the unit after the check: the foreign key refused the delete.
    if ((err as { code?: string }).code === '23503') throw new ApiError('unit_not_empty')
    throw err
  }
}
