import { sql, type Kysely } from 'kysely'
import type { ScanCounts } from '../../shared/admin-api'
import { todayInChina } from '../../shared/time'
import type { Database } from '../db/schema'

/** One more scan of an active QR point today (China time); an unknown or retired code counts nothing. */
export async function countScan(db: Kysely<Database>, code: string, now = new Date()): Promise<void> {
  await sql`
    insert into entry_point_scans (entry_point_id, day, scans)
    select id, ${todayInChina(now)}::date, 1 from entry_points where code = ${code} and active
    on conflict (entry_point_id, day) do update set scans = entry_point_scans.scans + 1`.execute(db)
}

/** Scans of the QR points in the subtree, `from` to `to` inclusive (China days), busiest first. */
export async function scanCounts(db: Kysely<Database>, scopePath: string, from: string, to: string): Promise<ScanCounts> {
  const rows = await db
    .selectFrom('entry_point_scans as s')
    .innerJoin('entry_points as e', 'e.id', 's.entry_point_id')
    .innerJoin('org_units as o', 'o.id', 'e.unit_id')
    .select(['e.id', 'e.code', 'e.name', sql<string>`to_char(s.day, 'YYYY-MM-DD')`.as('day'), 's.scans'])
    .where('o.path', 'like', `${scopePath}%`)
    .where(sql<boolean>`s.day between ${from}::date and ${to}::date`)
    .orderBy('s.day')
    .execute()
  const points = new Map<string, ScanCounts['points'][number]>()
  for (const r of rows) {
    const point = points.get(r.id) ?? { id: r.id, code: r.code, name: r.name, total: 0, days: [] }
    point.total += r.scans
    point.days.push({ day: r.day, scans: r.scans })
    points.set(r.id, point)
  }
  const list = [...points.values()].sort((a, b) => b.total - a.total || a.code.localeCompare(b.code))
  return { from, to, total: list.reduce((n, p) => n + p.total, 0), points: list }
}
