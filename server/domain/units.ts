import type { Kysely } from 'kysely'
import type { UnitRef } from '../../shared/admin-api'
import { nameKey } from '../../shared/text'
import { isUuid } from '../../shared/uuid'
import type { Database } from '../db/schema'
import { ApiError } from '../http/api-error'

/** Whether a unit with `path` lies in the subtree rooted at `scopePath` (itself included). */
export function inScope(scopePath: string, path: string): boolean {
  return path.startsWith(scopePath)
}

/** Unit references (id, name, names from the root) for many units at once. */
export async function unitRefs(db: Kysely<Database>, unitIds: string[]): Promise<Map<string, UnitRef>> {
  const refs = new Map<string, UnitRef>()
  if (!unitIds.length) return refs
  const units = await db.selectFrom('org_units').select(['id', 'name', 'path']).where('id', 'in', [...new Set(unitIds)]).execute()
  const ancestorIds = [...new Set(units.flatMap((u) => u.path.split('/').filter(Boolean)))]
  const names = new Map(
    (await db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', ancestorIds).execute()).map((u) => [u.id, u.name]),
  )
  for (const u of units) {
    refs.set(u.id, { id: u.id, name: u.name, path: u.path.split('/').filter(Boolean).map((id) => names.get(id) ?? '') })
  }
  return refs
}

export async function unitRef(db: Kysely<Database>, unitId: string): Promise<UnitRef | null> {
  return (await unitRefs(db, [unitId])).get(unitId) ?? null
}

/** The unit if it exists and lies in `scopePath`'s subtree, else null (out of scope looks like missing). */
export async function unitInScope(db: Kysely<Database>, scopePath: string, unitId: string) {
  const unit = await db.selectFrom('org_units').selectAll().where('id', '=', unitId).executeTakeFirst()
  return unit && inScope(scopePath, unit.path) ? unit : null
}

/** Units called `nameOrId`: by id (either case), else by name as people read it (`nameKey`). */
export async function unitIdsNamed(db: Kysely<Database>, nameOrId: string): Promise<string[]> {
  if (isUuid(nameOrId)) return (await db.selectFrom('org_units').select('id').where('id', '=', nameOrId.toLowerCase()).execute()).map((u) => u.id)
  const key = nameKey(nameOrId)
  return (await db.selectFrom('org_units').select(['id', 'name']).execute()).filter((u) => nameKey(u.name) === key).map((u) => u.id)
}

export async function everyUnitId(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('org_units').select('id').execute()).map((u) => u.id)
}

/** The refusal of a unit that is not there for the caller, pointing at the field that named it. */
export const unitNotFound = (path = 'unitId') => new ApiError('unit_not_found', [{ path, code: 'unit_not_found' }])

/** Holds the unit for a write that hangs something on it, so a concurrent delete waits, then finds it in use. */
export async function holdUnit(trx: Kysely<Database>, unitId: string): Promise<void> {
  const unit = await trx.selectFrom('org_units').select('id').where('id', '=', unitId).forShare().executeTakeFirst()
  if (!unit) throw unitNotFound()
}
