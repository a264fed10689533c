import { sql, type Kysely } from 'kysely'
import type { ItemPage, ItemSummary } from '../../../shared/admin-api'
import type { ItemQuery } from '../../../shared/schemas/item-query'
import type { CategoryId } from '../../../shared/categories'
import { itemNumber, parseItemNumber } from '../../../shared/item-number'
import { dayEnd, dayStart, isInstant } from '../../../shared/time'
import { isUuid } from '../../../shared/uuid'
import type { SessionUser } from '../../auth/sessions'
import type { Database } from '../../db/schema'
import { ApiError } from '../../http/api-error'
import { queryGrams } from '../search-grams'
import { unitInScope } from '../units'
import { itemScope } from './access'

const DEFAULT_PAGE = 30

/** The inbox: the items this reviewer sees, newest first, filtered, one keyset page at a time. */
export async function listItems(db: Kysely<Database>, user: SessionUser, query: ItemQuery, now = new Date()): Promise<ItemPage> {
  const limit = query.limit ?? DEFAULT_PAGE
  const rows = await (await filteredItems(db, user, query, now)).limit(limit + 1).execute()
  const page = rows.slice(0, limit).map((r) => toSummary(r, now))
  const last = rows.length > limit ? rows[limit - 1] : undefined
  return { items: page, nextCursor: last ? encodeCursor(last.received_at, last.id) : null }
}

/** The items this reviewer sees that match `query`, newest first, from its cursor on. */
export async function filteredItems(db: Kysely<Database>, user: SessionUser, query: ItemQuery, now: Date) {
  let within: string | null = null
  if (query.unitId) {
    const unit = await unitInScope(db, user.unitPath, query.unitId)
    if (!unit) throw new ApiError('unit_not_found')
    within = unit.path
  }
  let q = itemRows(db).where(await itemScope(db, user, within))
  if (query.status?.length) q = q.where('s.status', 'in', query.status)
  if (query.category?.length) q = q.where('s.category', 'in', query.category)
  if (query.rating?.length) q = q.where('s.rating', 'in', query.rating)
  if (query.entryPoint) q = q.where('e.code', '=', query.entryPoint)
  if (query.proposal === '1') q = q.where('s.is_proposal', '=', true)
  if (query.from) q = q.where('s.received_at', '>=', dayStart(query.from))
  if (query.to) q = q.where('s.received_at', '<=', dayEnd(query.to))
  if (query.overdue === '1') {
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('assignments as oa').select('oa.id').whereRef('oa.suggestion_id', '=', 's.id').where('oa.state', '=', 'open').where('oa.deadline', '<', now),
      ),
    )
  }
  if (query.q) {
    const needle = query.q.toLowerCase()
    const grams = queryGrams(needle)
    const inContent = grams.length
      ? sql<boolean>`(s.content_grams @> ${sql.val(grams)}::text[] and strpos(lower(s.content), ${needle}) > 0)`
      : sql<boolean>`strpos(lower(s.content), ${needle}) > 0`
    // A number finds its item (by the unique index), and any item whose text quotes it.
    const number = parseItemNumber(query.q)
    q = number
      ? q.where((eb) => eb.or([eb.and([eb('s.serial_year', '=', number.year), eb('s.serial_seq', '=', number.seq)]), inContent]))
      : q.where(inContent)
  }
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor)
    // A row comparison: the (received_at, id) index seeks to it (an OR of the two would be filtered).
    q = q.where(sql<boolean>`(s.received_at, s.id) < (${at}::timestamptz, ${id}::uuid)`)
  }
  return q.orderBy('s.received_at', 'desc').orderBy('s.id', 'desc')
}

/** The columns of an item summary, shared by the list and the detail. */
export function itemRows(db: Kysely<Database>) {
  return db
    .selectFrom('suggestions as s')
    .innerJoin('entry_points as e', 'e.id', 's.entry_point_id')
    .innerJoin('org_units as u', 'u.id', 's.unit_id')
    .select((eb) => [
      's.id',
      's.serial_year',
      's.serial_seq',
      's.status',
      's.category',
      's.summary',
      sql<string>`left(s.content, 80)`.as('excerpt'),
      's.tags',
      's.is_proposal',
      's.anonymous',
      'e.code as entry_code',
      'e.name as entry_name',
      'u.id as unit_id',
      'u.name as unit_name',
      's.received_at',
      's.updated_at',
      's.rating',
      eb
        .selectFrom('assignments as na')
        .select((x) => x.fn.min('na.deadline').as('d'))
        .whereRef('na.suggestion_id', '=', 's.id')
        .where('na.state', '=', 'open')
        .as('next_deadline'),
    ])
    .$narrowType<{ next_deadline: Date | null }>()
}

type Row = Awaited<ReturnType<ReturnType<typeof itemRows>['execute']>>[number]

export function toSummary(r: Row, now: Date): ItemSummary {
  const next = r.next_deadline ? new Date(r.next_deadline) : null
  return {
    id: r.id,
    number: itemNumber(r.serial_year, r.serial_seq),
    status: r.status,
    category: r.category as CategoryId,
    summary: r.summary,
    excerpt: r.excerpt,
    tags: r.tags,
    isProposal: r.is_proposal,
    anonymous: r.anonymous,
    entryPoint: { code: r.entry_code, name: r.entry_name },
    unit: { id: r.unit_id, name: r.unit_name },
    receivedAt: r.received_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    overdue: next !== null && next.getTime() < now.getTime(),
    nextDeadline: next?.toISOString() ?? null,
    rating: r.rating,
  }
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url')
}

/** A cursor this server made: an instant in range and a UUID, or a 400 (never a query the database refuses). */
function decodeCursor(cursor: string): [Date, string] {
  const text = Buffer.from(cursor, 'base64url').toString('utf8')
  const [at = '', id = ''] = text.split('|')
  if (!/^[A-Za-z0-9_-]+$/.test(cursor) || text !== `${at}|${id}` || !isInstant(at) || !isUuid(id)) throw new ApiError('invalid_cursor')
  return [new Date(at), id.toLowerCase()]
}
