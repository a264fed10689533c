import type { Kysely } from 'kysely'
import type { EntryPointInfo, PublicEvent, TrackedItem } from '../../shared/api'
import type { CategoryId } from '../../shared/categories'
import { PUBLIC_EVENT_KINDS } from '../../shared/lifecycle'
import type { Database } from '../db/schema'

// Facts in an event's data that a worker may read; everything else stays with the reviewers.
const PUBLIC_DATA_KEYS = ['channel', 'rating', 'meetingAt', 'meetingPlace', 'officerName']

/** The worker's view of one item: status, content, and the public part of its history. */
export async function publicItem(db: Kysely<Database>, id: string): Promise<TrackedItem | null> {
  const row = await db
    .selectFrom('suggestions as s')
    .leftJoin('entry_points as e', 'e.id', 's.entry_point_id')
    .select([
      's.id',
      's.status',
      's.category',
      's.content',
      's.anonymous',
      's.received_at',
      's.updated_at',
      's.merged_into',
      'e.code as entry_code',
      'e.name as entry_name',
      'e.unit_id as entry_unit',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  const main = row.merged_into ? await mainItem(db, row.merged_into) : null
  return {
    id: row.id,
    status: row.status,
    category: row.category as CategoryId,
    content: row.content,
    anonymous: row.anonymous,
    entryPoint: row.entry_code ? { code: row.entry_code, name: row.entry_name ?? '', ...(await unitPlace(db, row.entry_unit!)) } : null,
    receivedAt: row.received_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    mergedInto: main,
    events: await publicEvents(db, row.id),
  }
}

/**
 * The item a duplicate was merged into, as the duplicate's worker sees it: its status and the
 * union's public steps, never what that item's own worker wrote (their messages, their verdict).
 */
async function mainItem(db: Kysely<Database>, id: string): Promise<TrackedItem['mergedInto']> {
  const row = await db.selectFrom('suggestions').select(['id', 'status']).where('id', '=', id).executeTakeFirst()
  return row ? { status: row.status, events: await publicEvents(db, row.id, { withWorkers: false }) } : null
}

/** The public steps of an item; `withWorkers: false` leaves out every step its worker took. */
export async function publicEvents(db: Kysely<Database>, suggestionId: string, { withWorkers = true } = {}): Promise<PublicEvent[]> {
  let q = db
    .selectFrom('suggestion_events')
    .select(['kind', 'created_at', 'to_status', 'public_text', 'data'])
    .where('suggestion_id', '=', suggestionId)
    .where('is_public', '=', true)
    .where('kind', 'in', [...PUBLIC_EVENT_KINDS])
  if (!withWorkers) q = q.where('actor_kind', '!=', 'worker')
  const rows = await q.orderBy('id').execute()
  return rows.map((r) => ({
    kind: r.kind,
    at: r.created_at.toISOString(),
    status: r.to_status,
    text: r.public_text,
    data: publicData(r.data),
  }))
}

function publicData(data: Record<string, unknown> | null): Record<string, string> | null {
  if (!data) return null
  const out: Record<string, string> = {}
  for (const key of PUBLIC_DATA_KEYS) if (typeof data[key] === 'string') out[key] = data[key] as string
  return Object.keys(out).length ? out : null
}

/** Names of a unit and its ancestors, root first, and the promised days to answer there (the nearest set). */
export async function unitPlace(db: Kysely<Database>, unitId: string): Promise<Pick<EntryPointInfo, 'unitPath' | 'replyWithinDays'>> {
  return (await unitPlaces(db, [unitId])).get(unitId) ?? { unitPath: [], replyWithinDays: null }
}

/** `unitPlace` for many units in two queries (the units, then every ancestor of them). */
async function unitPlaces(db: Kysely<Database>, unitIds: string[]): Promise<Map<string, Pick<EntryPointInfo, 'unitPath' | 'replyWithinDays'>>> {
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
