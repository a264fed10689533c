import type { Kysely } from 'kysely'
import type { PublicEvent, TrackedItem } from '../../shared/api'
import type { CategoryId } from '../../shared/categories'
import { itemNumber } from '../../shared/item-number'
import { PUBLIC_EVENT_KINDS } from '../../shared/lifecycle'
import type { Database } from '../db/schema'
import { photosOf } from '../photos/store'
import { unitPlaces } from './public-view'

// Facts in an event's data that a worker may read; everything else stays with the reviewers.
const PUBLIC_DATA_KEYS = ['channel', 'rating', 'meetingAt', 'meetingPlace', 'officerName']

/**
 * The worker's view of many items at once (status, content, the public part of their history),
 * in a fixed number of queries however many there are: a device refreshes up to 100 at a time.
 */
export async function publicItems(db: Kysely<Database>, ids: string[]): Promise<Map<string, TrackedItem>> {
  const items = new Map<string, TrackedItem>()
  if (!ids.length) return items
  const rows = await db
    .selectFrom('suggestions as s')
    .leftJoin('entry_points as e', 'e.id', 's.entry_point_id')
    .select([
      's.id',
      's.serial_year',
      's.serial_seq',
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
    .where('s.id', 'in', [...new Set(ids)])
    .execute()
  const mainIds = [...new Set(rows.flatMap((r) => (r.merged_into ? [r.merged_into] : [])))]
  const [mains, places, events, mainEvents, photos] = await Promise.all([
    mainIds.length ? db.selectFrom('suggestions').select(['id', 'status']).where('id', 'in', mainIds).execute() : [],
    unitPlaces(db, rows.flatMap((r) => (r.entry_unit ? [r.entry_unit] : []))),
    publicEvents(db, rows.map((r) => r.id)),
    publicEvents(db, mainIds, { withWorkers: false }),
    photosOf(db, rows.map((r) => r.id)),
  ])
  const mainById = new Map(mains.map((m) => [m.id, { status: m.status, events: mainEvents.get(m.id) ?? [] }]))
  for (const row of rows) {
    items.set(row.id, {
      id: row.id,
      number: itemNumber(row.serial_year, row.serial_seq),
      status: row.status,
      category: row.category as CategoryId,
      content: row.content,
      anonymous: row.anonymous,
      entryPoint: row.entry_code
        ? { code: row.entry_code, name: row.entry_name ?? '', ...(places.get(row.entry_unit!) ?? { unitPath: [], replyWithinDays: null }) }
        : null,
      receivedAt: row.received_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      // The item a duplicate was merged into, as the duplicate's worker sees it: its status and the
      // union's public steps, never what that item's own worker wrote (their messages, their verdict).
      mergedInto: row.merged_into ? (mainById.get(row.merged_into) ?? null) : null,
      photos: photos.get(row.id) ?? [],
      events: events.get(row.id) ?? [],
    })
  }
  return items
}

export async function publicItem(db: Kysely<Database>, id: string): Promise<TrackedItem | null> {
  return (await publicItems(db, [id])).get(id) ?? null
}

/** The public steps of each item, in order; `withWorkers: false` leaves out every step its worker took. */
async function publicEvents(db: Kysely<Database>, ids: string[], { withWorkers = true } = {}): Promise<Map<string, PublicEvent[]>> {
  const out = new Map<string, PublicEvent[]>()
  if (!ids.length) return out
  let q = db
    .selectFrom('suggestion_events')
    .select(['suggestion_id', 'kind', 'created_at', 'to_status', 'public_text', 'data'])
    .where('suggestion_id', 'in', ids)
    .where('is_public', '=', true)
    .where('kind', 'in', [...PUBLIC_EVENT_KINDS])
  if (!withWorkers) q = q.where('actor_kind', '!=', 'worker')
  for (const r of await q.orderBy('id').execute()) {
    const list = out.get(r.suggestion_id) ?? []
    list.push({ kind: r.kind, at: r.created_at.toISOString(), status: r.to_status, text: r.public_text, data: publicData(r.data) })
    out.set(r.suggestion_id, list)
  }
  return out
}

function publicData(data: Record<string, unknown> | null): Record<string, string> | null {
  if (!data) return null
  const out: Record<string, string> = {}
  for (const key of PUBLIC_DATA_KEYS) if (typeof data[key] === 'string') out[key] = data[key] as string
  return Object.keys(out).length ? out : null
}
