import { sql, type Expression, type Kysely, type SqlBool } from 'kysely'
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
import { itemScope, type ItemCondition } from './access'

const DEFAULT_PAGE = 30

/** The inbox: the items this reviewer sees, newest first, filtered, one keyset page at a time. */
export async function listItems(db: Kysely<Database>, user: SessionUser, query: ItemQuery, now = new Date(), tuning = LIST_TUNING): Promise<ItemPage> {
  const limit = query.limit ?? DEFAULT_PAGE
  const rows = query.q && !parseItemNumber(query.q) ? await searchedRows(db, user, query, now, limit + 1, tuning) : await filteredPage(db, user, query, now, limit + 1, tuning)
  const page = rows.slice(0, limit).map((r) => toSummary(r, now))
  const last = rows.length > limit ? rows[limit - 1] : undefined
  return { items: page, nextCursor: last ? encodeCursor(last.received_at, last.id) : null }
}

/** The items this reviewer sees that match `query`, newest first, from its cursor on. */
export async function filteredItems(db: Kysely<Database>, user: SessionUser, query: ItemQuery, now: Date) {
  const where = await itemFilter(db, user, query, now)
  return itemRows(db).where(where).orderBy('s.received_at', 'desc').orderBy('s.id', 'desc')
}

/** Every condition of `query` (scope, filters, search, cursor) as one condition on `suggestions as s`. */
async function itemFilter(db: Kysely<Database>, user: SessionUser, query: ItemQuery, now: Date): Promise<ItemCondition> {
  let within: string | null = null
  if (query.unitId) {
    const unit = await unitInScope(db, user.unitPath, query.unitId)
    if (!unit) throw new ApiError('unit_not_found')
    within = unit.path
  }
  const scope = await itemScope(db, user, within)
  return (eb) => {
    const parts: Expression<SqlBool>[] = [scope(eb)]
    if (query.status?.length) parts.push(eb('s.status', 'in', query.status))
    if (query.category?.length) parts.push(eb('s.category', 'in', query.category))
    if (query.rating?.length) parts.push(eb('s.rating', 'in', query.rating))
    if (query.entryPoint) parts.push(eb('s.entry_point_id', '=', eb.selectFrom('entry_points as fe').select('fe.id').where('fe.code', '=', query.entryPoint)))
    if (query.proposal === '1') parts.push(eb('s.is_proposal', '=', true))
    if (query.from) parts.push(eb('s.received_at', '>=', dayStart(query.from)))
    if (query.to) parts.push(eb('s.received_at', '<=', dayEnd(query.to)))
    // The earliest open deadline is kept on the item (migration 25): a range of its own index.
    if (query.overdue === '1') parts.push(eb('s.open_deadline', '<', now))
    if (query.q) {
      const needle = query.q.toLowerCase()
      const grams = queryGrams(needle)
      const inContent = grams.length ? sql<boolean>`(s.content_grams @> ${sql.val(grams)}::text[] and ${contains(needle)})` : contains(needle)
      // A number finds its item (by the unique index), and any item whose text quotes it.
      const number = parseItemNumber(query.q)
      parts.push(number ? eb.or([eb.and([eb('s.serial_year', '=', number.year), eb('s.serial_seq', '=', number.seq)]), inContent]) : inContent)
    }
    // A row comparison: the (received_at, id) index seeks to it (an OR of the two would be filtered).
    if (query.cursor) parts.push(before(decodeCursor(query.cursor)))
    return eb.and(parts)
  }
}

/** Rows older than a key, newest first: what a cursor, or a search's walk so far, leaves. */
const before = ([at, id]: [Date, string]) => sql<boolean>`(s.received_at, s.id) < (${at}::timestamptz, ${id}::uuid)`

/**
 * The text holds `needle` (lowercased). `lower()` costs four times the search itself on Chinese
 * text, and changes nothing a needle without cased letters could match, so only a needle with
 * letters pays for it.
 */
function contains(needle: string) {
  return needle.toUpperCase() === needle ? sql<boolean>`strpos(s.content, ${needle}) > 0` : sql<boolean>`strpos(lower(s.content), ${needle}) > 0`
}

export const LIST_TUNING = {
  /**
   * How long a walk newest first may take before it is given up for the indexes' bitmaps (0:
   * never walk; Infinity: never give up). Filters that leave few items, or none (overdue and
   * not yet dispatched), made the walk read all 1,000,000 items: 2 s.
   */
  walkMs: 25,
  /** The first walk of a search, in rows: enough for any term in one item of twenty. */
  walkFirst: 600,
  /** The longest walk: about 30 ms of `strpos` at 2 µs a row. */
  walkMax: 16_000,
  /** Up to this many expected matches, the gram index fetches them all and sorts (5–10 µs each). */
  indexMax: 3_000,
}

/** A page of the inbox without a text search: walked newest first, or through the indexes if that takes too long. */
async function filteredPage(db: Kysely<Database>, user: SessionUser, query: ItemQuery, now: Date, need: number, tuning: typeof LIST_TUNING) {
  const where = await itemFilter(db, user, query, now)
  const page = (trx: Kysely<Database>) => trx.selectFrom('suggestions as s').select('s.id').where(where).orderBy('s.received_at', 'desc').orderBy('s.id', 'desc').limit(need).execute()
  const ids = (await within(db, tuning.walkMs, page)) ?? (await throughBitmaps(db, page))
  return rowsOf(db, ids.map((r) => r.id))
}

/**
 * Runs `query` in a transaction of its own, cancelled after `ms` (null then). A walk newest first
 * is cheap when matches are many and ruinous when they are few or none: the planner guesses how
 * many from statistics that take filters as independent, and when it is wrong (overdue, yet not
 * dispatched) the walk reads every item, 2 s at 1,000,000. PGlite has no timer to cancel by: there
 * the walk runs to its end, on the few thousand items an embedded database holds.
 */
async function within<T>(db: Kysely<Database>, ms: number, query: (trx: Kysely<Database>) => Promise<T>): Promise<T | null> {
  if (ms <= 0) return null
  try {
    return await db.transaction().execute(async (trx) => {
      if (Number.isFinite(ms)) await sql`select set_config('statement_timeout', ${`${Math.round(ms)}ms`}, true)`.execute(trx)
      return query(trx)
    })
  } catch (error) {
    // 57014: cancelled by the timeout (or by an operator; the bitmaps answer that too).
    if ((error as { code?: unknown }).code === '57014') return null
    throw error
  }
}

/**
 * Runs `query` with only bitmap scans left to the planner: each filter's index (or the gram
 * index) gives its items, they are combined, and only the rows left are fetched and sorted, a
 * cost that follows the matches, not the table.
 */
function throughBitmaps<T>(db: Kysely<Database>, query: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`.execute(trx)
    return query(trx)
  })
}

/** The summaries of `ids`, newest first. */
async function rowsOf(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return []
  return itemRows(db).where('s.id', 'in', ids).orderBy('s.received_at', 'desc').orderBy('s.id', 'desc').execute()
}

/**
 * A page of a text search, found the cheaper of two ways, each bounded. A frequent term fills a
 * page from the newest rows: walk them newest first and test each (a common term needs a few
 * hundred rows). A rare one is found through the gram index, which gives every match unordered:
 * fetch and sort them all. Which is which is learnt while walking: the first walk's share of
 * matches predicts how many the index would give for the rest; a longer walk is tried while
 * that is too many to sort, then the index takes what is left, older than the walk reached. A
 * walk that takes too long (filters that leave few items) is left for the index at once.
 * The planner cannot make this choice: a pair of characters is one array element, whose
 * frequency it guesses flat unless it is among the few it keeps statistics for.
 */
async function searchedRows(db: Kysely<Database>, user: SessionUser, query: ItemQuery, now: Date, need: number, tuning: typeof LIST_TUNING) {
  const filters = await itemFilter(db, user, { ...query, q: undefined, cursor: undefined }, now)
  const needle = query.q!.toLowerCase()
  const match = await itemFilter(db, user, { ...query, cursor: undefined }, now)
  let from = query.cursor ? decodeCursor(query.cursor) : null
  const ids: string[] = []
  let scanned = 0
  let window = tuning.walkFirst
  const total = await estimatedItems(db)
  for (;;) {
    const older = from
    const walked = (trx: Kysely<Database>) =>
      trx
        .selectFrom('suggestions as s')
        .select(['s.id', 's.received_at', contains(needle).as('hit')])
        .where(filters)
        .$if(older !== null, (q) => q.where(before(older!)))
        .orderBy('s.received_at', 'desc')
        .orderBy('s.id', 'desc')
        .limit(window)
    // The matches, and the last row walked (where the next walk or the index goes on from).
    const walk = await within(db, tuning.walkMs, (trx) =>
      trx
        .selectFrom(
          trx
            .selectFrom(walked(trx).as('w'))
            .select(['w.id', 'w.received_at', 'w.hit', sql<string>`count(*) over ()`.as('rows'), sql<string>`row_number() over (order by w.received_at desc, w.id desc)`.as('n')])
            .as('x'),
        )
        .selectAll('x')
        .where((eb) => eb.or([eb('x.hit', '=', true), eb('x.n', '=', eb.ref('x.rows'))]))
        .orderBy('x.n')
        .execute(),
    )
    if (walk) {
      const rows = walk.length ? Number(walk[0]!.rows) : 0
      for (const r of walk) if (r.hit && ids.length < need) ids.push(r.id)
      scanned += rows
      if (ids.length >= need || rows < window) break
      const last = walk[walk.length - 1]!
      from = [last.received_at, last.id]
      const share = ids.length / scanned
      if (share * Math.max(total - scanned, 0) > tuning.indexMax && window < tuning.walkMax) {
        window = Math.min(Math.ceil(((need - ids.length) / share) * 1.3), tuning.walkMax)
        continue
      }
    }
    // The rest through the gram index, whatever the planner guesses: a pair of characters it
    // keeps no statistics for is guessed common, and it walked all 1,000,000 items for a rare one
    // (3.5 s; 14 s for one that is nowhere).
    const rest = from
    const found = await throughBitmaps(db, (trx) =>
      trx
        .selectFrom('suggestions as s')
        .select('s.id')
        .where(match)
        .$if(rest !== null, (q) => q.where(before(rest!)))
        .orderBy('s.received_at', 'desc')
        .orderBy('s.id', 'desc')
        .limit(need - ids.length)
        .execute(),
    )
    ids.push(...found.map((r) => r.id))
    break
  }
  return rowsOf(db, ids)
}

/** How many items there are, as the statistics have it (no count: that would read them all). */
async function estimatedItems(db: Kysely<Database>): Promise<number> {
  const row = await sql<{ n: number }>`select greatest(reltuples, 0)::float8 as n from pg_class where oid = 'suggestions'::regclass`.execute(db)
  return Number(row.rows[0]?.n ?? 0)
}

/** The columns of an item summary, shared by the list and the detail. */
export function itemRows(db: Kysely<Database>) {
  return db
    .selectFrom('suggestions as s')
    .innerJoin('entry_points as e', 'e.id', 's.entry_point_id')
    .innerJoin('org_units as u', 'u.id', 's.unit_id')
    .select([
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
      // Kept on the item by a trigger on assignments (migration 25).
      's.open_deadline as next_deadline',
    ])
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
