import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { UnitKind } from '../../shared/unit-kinds'
import type { Database } from './schema'

interface UnitSpec {
  name: string
  kind: UnitKind
  replyWithinDays?: number
  children?: UnitSpec[]
  entryPoints?: Array<{ code: string; name: string }>
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六']

const stations = (from: number, to: number): UnitSpec[] =>
  NUMERALS.slice(from - 1, to).map((n) => ({ name: `艾${n}站`, kind: 'station' as const }))

/**
 * The operation area of the field report: its offices, 3 central stations with 16 stations
 * between them, and the 6 QR posters (the base's culture wall, grid board and canteen, and
 * one at each central station's living quarters).
 */
export const DEMO_ORGANISATION: UnitSpec = {
  name: '艾家湾采油作业区',
  kind: 'area',
  // The union answers within a week unless it says otherwise (officers change it on 答复模板).
  replyWithinDays: 7,
  entryPoints: [
    { code: 'base-wall', name: '基地民主管理文化墙' },
    { code: 'base-grid', name: '基地网格管理牌' },
    { code: 'base-canteen', name: '基地食堂' },
  ],
  children: [
    { name: '综合办公室', kind: 'office' },
    { name: '生产运行室', kind: 'office' },
    { name: '工艺技术室', kind: 'office' },
    { name: '安全环保室', kind: 'office' },
    { name: '经营管理室', kind: 'office' },
    {
      name: '第一中心站',
      kind: 'central_station',
      children: stations(1, 6),
      entryPoints: [{ code: 'cs1', name: '第一中心站生活点文化墙' }],
    },
    {
      name: '第二中心站',
      kind: 'central_station',
      children: stations(7, 11),
      entryPoints: [{ code: 'cs2', name: '第二中心站生活点文化墙' }],
    },
    {
      name: '第三中心站',
      kind: 'central_station',
      children: stations(12, 16),
      entryPoints: [{ code: 'cs3', name: '第三中心站生活点文化墙' }],
    },
  ],
}

/** Loads the demo organisation when the database has no units yet. Returns whether it did. */
/** An advisory lock key of the demo seed (any constant; no other code takes it). */
const DEMO_SEED_LOCK = 7_202_611_26

export async function seedDemoIfEmpty(db: Kysely<Database>): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Two app processes started at once on an empty database: the second waits here, then finds
    // the first one's units (without the lock it inserted the same QR codes and ended).
    await sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK})`.execute(trx)
    const any = await trx.selectFrom('org_units').select('id').limit(1).executeTakeFirst()
    if (any) return false
    await insertUnit(trx, DEMO_ORGANISATION, null, '/', 0)
    return true
  })
}

async function insertUnit(
  db: Kysely<Database>,
  spec: UnitSpec,
  parentId: string | null,
  parentPath: string,
  sort: number,
): Promise<void> {
  const id = randomUUID()
  const path = `${parentPath}${id}/`
  await db.insertInto('org_units').values({ id, parent_id: parentId, path, kind: spec.kind, name: spec.name, sort, reply_within_days: spec.replyWithinDays ?? null }).execute()
  for (const ep of spec.entryPoints ?? []) {
    await db.insertInto('entry_points').values({ code: ep.code, name: ep.name, unit_id: id }).execute()
  }
  let i = 0
  for (const child of spec.children ?? []) await insertUnit(db, child, id, path, i++)
}
