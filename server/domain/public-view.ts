import type { Kysely } from 'kysely'
import type { EntryPointInfo } from '../../shared/api'
import type { Database } from '../db/schema'

/** Names of a unit and its ancestors, root first, and the promised days to answer there (the nearest set). */
export async function unitPlace(db: Kysely<Database>, unitId: string): Promise<Pick<EntryPointInfo, 'unitPath' | 'replyWithinDays'>> {
  return (await unitPlaces(db, [unitId])).get(unitId) ?? { unitPath: [], replyWithinDays: null }
}

/** `unitPlace` for many units in two queries (the units, then every ancestor of them). */
export async function unitPlaces(db: Kysely<Database>, unitIds: string[]): Promise<Map<string, Pick<EntryPointInfo, 'unitPath' | 'replyWithinDays'>>> {
  const places = new Map<string, Pick<EntryPointInfo, 'unitPath' | 'replyWithinDays'>>()
  if (!unitIds.length) return places
  const units = await db.selectFrom('org_units').select(['id', 'path']).where('id', 'in', [...new Set(unitIds)]).execute()
  const ancestorIds = [...new Set(units.flatMap((u) => u.path.split('/').filter(Boolean)))]
  const rows = await db.selectFrom('org_units').select(['id', 'name', 'reply_within_days']).where('id', 'in', ancestorIds).execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  for (const unit of units) {
    const ids = unit.path.split('/').filter(Boolean)
    const days = ids.map((id) => byId.get(id)?.reply_within_days ?? null).filter((d): d is number => d !== null)
    places.set(unit.id, { unitPath: ids.map((id) => byId.get(id)?.name ?? ''), replyWithinDays: days.at(-1) ?? null })
  }
  return places
}

export async function entryPointInfo(db: Kysely<Database>, code: string): Promise<EntryPointInfo | null> {
  const row = await db
    .selectFrom('entry_points')
    .select(['code', 'name', 'unit_id'])
    .where('code', '=', code)
    .where('active', '=', true)
    .executeTakeFirst()
  if (!row) return null
  return { code: row.code, name: row.name, ...(await unitPlace(db, row.unit_id)) }
}

/** Every active QR point with the names of its unit and the units above, for a worker who came without a code. */
export async function entryPointList(db: Kysely<Database>): Promise<EntryPointInfo[]> {
  const rows = await db.selectFrom('entry_points').select(['code', 'name', 'unit_id']).where('active', '=', true).execute()
  const places = await unitPlaces(db, rows.map((r) => r.unit_id))
  return rows
    .map((r) => ({ code: r.code, name: r.name, ...places.get(r.unit_id)! }))
    .sort((a, b) => a.unitPath.join('/').localeCompare(b.unitPath.join('/'), 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'))
}
