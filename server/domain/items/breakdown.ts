import type { Kysely } from 'kysely'
import type { BreakdownRow } from '../../../shared/admin-api'
import type { Breakdown, StatsQuery } from '../../../shared/schemas/stats-query'
import type { SessionUser } from '../../auth/sessions'
import type { Database } from '../../db/schema'
import { itemBreakdown } from './stats'

/** The figures per group, named: units and QR points by name; most items first (months in order). */
export async function breakdownRows(db: Kysely<Database>, user: SessionUser, query: StatsQuery, by: Breakdown, now = new Date()): Promise<BreakdownRow[]> {
  const groups = await itemBreakdown(db, user, query, by, now)
  const keys = [...groups.keys()]
  const names = new Map<string, string>()
  if (keys.length && by === 'unit') for (const u of await db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', keys).execute()) names.set(u.id, u.name)
  if (keys.length && by === 'entryPoint') for (const e of await db.selectFrom('entry_points').select(['id', 'name']).where('id', 'in', keys).execute()) names.set(e.id, e.name)
  const rows = [...groups].map(([key, stats]) => ({ key, name: names.get(key) ?? key, ...stats }))
  return by === 'month' ? rows.sort((a, b) => a.key.localeCompare(b.key)) : rows.sort((a, b) => b.received - a.received || a.name.localeCompare(b.name))
}
