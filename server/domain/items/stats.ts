import { sql, type Kysely } from 'kysely'
import type { Stats } from '../../../shared/admin-api'
import { RATINGS, type Rating } from '../../../shared/ratings'
import { medianOfSteps, OPEN_STATUSES, SATISFIED_RATINGS, rate } from '../../../shared/rates'
import type { Breakdown, StatsQuery } from '../../../shared/schemas/stats-query'
import { ANSWERED_STATUSES, STATUSES, type Status } from '../../../shared/statuses'
import { dayStart, todayInChina } from '../../../shared/time'
import type { SessionUser } from '../../auth/sessions'
import type { Database } from '../../db/schema'
import { ApiError } from '../../http/api-error'
import { unitInScope } from '../units'
import { visibleTo } from './access'
import { periodCover, type PeriodCover } from './period-cover'

/**
 * The figures of `shared/rates.ts` (their definitions are there) over the items received in the
 * period that this reviewer sees, optionally under one unit.
 *
 * They are read from the sums kept by migration 21: `item_tallies` and its two siblings, per
 * China day, month and year of arrival, unit, QR point and category, recounted by triggers in
 * every writing transaction. An officer sees items by the unit they arrived at, which is a key
 * of the sums: whole years are read from the year rows, whole months from the month rows, the
 * days at either end from the day rows (`periodCover`).
 * A handler or leader of the top unit sees every item with a dispatch, which the sums keep
 * apart. Other handlers and leaders see items by their dispatches, which the sums do not know:
 * their figures come from the same per-item facts (`item_facts`), summed for the items they see.
 * Both ways end in the same rows and the same arithmetic below.
 *
 * Open dispatches past their deadline depend on the time of asking: the sums hold them by the
 * month of the deadline; the current month's are counted from the dispatches themselves.
 */
export async function itemStats(db: Kysely<Database>, user: SessionUser, query: StatsQuery, now = new Date()): Promise<Stats> {
  const groups = await groupedStats(db, user, query, null, now)
  return groups.get('') ?? figures(emptyTally())
}

/**
 * The same figures, one set per group (`by`): the key is the child unit's id (the named unit
 * itself, or the reviewer's own, holds items received at that level under its own id), the
 * category id, the QR point's id, or `YYYY-MM`. Groups without items are absent. The median
 * time to a first answer is kept by unit and month only: by category and by QR point it is `null`.
 */
export async function itemBreakdown(db: Kysely<Database>, user: SessionUser, query: StatsQuery, by: Breakdown, now = new Date()): Promise<Map<string, Stats>> {
  return groupedStats(db, user, query, by, now)
}

/** One group's sums, as either source answers them (numbers arrive as text: bigint sums). */
interface SumRow {
  k: string
  received: string
  proposals: string
  dispatched: string
  done: string
  reported: string
  on_time: string
  s_submitted: string
  s_accepted: string
  s_dispatched: string
  s_reported: string
  s_replied: string
  s_closed: string
  s_merged: string
  s_declined: string
  r_satisfied: string
  r_basically: string
  r_unsatisfied: string
}
interface OpenRow {
  k: string
  open_dispatches: string | null
  overdue_items: string | null
}
interface StepRow {
  k: string
  step: number
  items: string
}

/**
 * Where the sums come from: the kept sums, or the facts of the items one sees. An officer sees
 * the items that arrived in their subtree, a key of the sums; a handler or leader of the top unit
 * sees every item with a dispatch, also a key; anyone else's items are found by their dispatches.
 */
export type Source = 'tallies' | 'facts'

function sourceFor(user: SessionUser): Source {
  const atTop = user.unitPath.split('/').filter(Boolean).length === 1
  return user.role === 'officer' || atTop ? 'tallies' : 'facts'
}

/** Both ways give the same figures where the sums serve: `source` is for the test that holds them equal. */
export async function groupedStats(
  db: Kysely<Database>,
  user: SessionUser,
  query: StatsQuery,
  by: Breakdown | null,
  now: Date,
  source: Source = sourceFor(user),
): Promise<Map<string, Stats>> {
  const scope = await statsScope(db, user, query)
  const month = `${todayInChina(now).slice(0, 7)}-01`
  const whole = periodCover(query.from, query.to)
  // A year row has no month to break down by: by month, whole years are read month by month.
  const cover = by === 'month' ? { years: [], months: [...whole.months, ...whole.years], days: whole.days } : whole
  const withSteps = by === null || by === 'unit' || by === 'month'
  const [sums, open, steps, live] = await Promise.all([
    source === 'tallies' ? tallySums(db, scope, cover, by) : factSums(db, user, scope, query, by),
    source === 'tallies' ? tallyOpen(db, scope, cover, by, month) : factOpen(db, user, scope, query, by, month),
    withSteps ? (source === 'tallies' ? tallySteps(db, scope, cover, by) : factSteps(db, user, scope, query, by)) : Promise.resolve([]),
    liveOpen(db, user, source, scope, query, by, month, now),
  ])

  const fold = keyFolder(by, scope)
  const tallies = new Map<string, Tally>()
  const tally = (raw: string) => {
    const k = fold(raw)
    return tallies.get(k) ?? tallies.set(k, emptyTally()).get(k)!
  }
  for (const r of sums) {
    const t = tally(r.k)
    for (const s of STATUSES) t.byStatus[s] += Number(r[`s_${s}`])
    for (const g of RATINGS) t.byRating[g] += Number(r[`r_${g}`])
    t.proposals += Number(r.proposals)
    t.dispatched += Number(r.dispatched)
    t.done += Number(r.done)
    t.onTime += Number(r.on_time)
    t.due += Number(r.reported)
  }
  for (const r of [...open, ...live]) {
    const t = tally(r.k)
    t.due += Number(r.open_dispatches ?? 0)
    t.overdue += Number(r.overdue_items ?? 0)
  }
  const stepsByKey = new Map<string, Array<{ step: number; items: number }>>()
  for (const r of steps) {
    const k = fold(r.k)
    const list = stepsByKey.get(k) ?? stepsByKey.set(k, []).get(k)!
    list.push({ step: Number(r.step), items: Number(r.items) })
  }
  for (const [k, t] of tallies) t.median = withSteps ? medianOfSteps(stepsByKey.get(k) ?? []) : null
  return new Map([...tallies].filter(([, t]) => received(t) > 0).map(([k, t]) => [k, figures(t)]))
}

/**
 * Whose items: the units (ids) the figures are under, and the path of the top one. Without a
 * unit asked for, that is the reviewer's own subtree, which is all an officer sees; handlers and
 * leaders see items by their dispatches wherever the items arrived, so theirs is not narrowed.
 */
interface Scope {
  top: string
  unitIds: string[]
  /** Each of those units' path, by id. */
  paths: Map<string, string>
  narrowed: boolean
  /** Only items with a dispatch: what a handler or leader sees. */
  dispatchedOnly: boolean
}

async function statsScope(db: Kysely<Database>, user: SessionUser, query: StatsQuery): Promise<Scope> {
  let top = user.unitPath
  if (query.unitId) {
    const unit = await unitInScope(db, user.unitPath, query.unitId)
    if (!unit) throw new ApiError('unit_not_found')
    top = unit.path
  }
  // Rolled up the tree, resolved to ids (paths are ids and slashes: no LIKE wildcards).
  const units = await db.selectFrom('org_units').select(['id', 'path']).where('path', 'like', `${top}%`).execute()
  return { top, unitIds: units.map((u) => u.id), paths: new Map(units.map((u) => [u.id, u.path])), narrowed: Boolean(query.unitId) || user.role === 'officer', dispatchedOnly: user.role !== 'officer' }
}

/**
 * How a raw key becomes a group's key: a unit's id becomes the id of the unit one level below
 * the top that holds it (or the top's own id); the other keys are themselves.
 */
function keyFolder(by: Breakdown | null, scope: Scope): (raw: string) => string {
  if (by !== 'unit') return (raw) => raw
  const topId = scope.top.split('/').filter(Boolean).at(-1) ?? ''
  return (raw) => (scope.paths.get(raw) ?? '').slice(scope.top.length).split('/')[0] || topId
}

// --- The sums, for officers ------------------------------------------------------------------

type TallyTable = 'item_tallies' | 'item_open_tallies' | 'item_answer_tallies'
const GRAIN = { years: 'y', months: 'm', days: 'd' } as const

/**
 * The rows of a sums table that cover the period, under the scope's units, as `t`: one index
 * range per year, month or day span, joined by UNION ALL (an OR of ranges reads the whole table).
 */
function tallyRows<T extends TallyTable>(db: Kysely<Database>, table: T, scope: Scope, cover: PeriodCover) {
  // The three tables share the key; the columns read are named by the caller.
  const from = () => {
    const rows = db.selectFrom(table as 'item_tallies').selectAll().where('unit_id', 'in', scope.unitIds)
    // Open dispatches are dispatches: that table has no such key.
    return scope.dispatchedOnly && table !== 'item_open_tallies' ? rows.where('has_dispatch', '=', true) : rows
  }
  const parts = (['years', 'months', 'days'] as const).flatMap((size) =>
    cover[size].map(([first, before]) => from().where('grain', '=', GRAIN[size]).where('period', '>=', first).where('period', '<', before)),
  )
  const rows = parts.length ? parts.reduce((all, part) => all.unionAll(part)) : from().where(sql<boolean>`false`)
  return db.selectFrom(rows.as('t'))
}

/** A group's raw key in SQL, over the sums (`t`, arrival day in `period`) or the facts (`f`, in `day`). */
function groupKey(by: Breakdown | null, alias: 't' | 'f') {
  const column = (name: string) => sql.ref(`${alias}.${name}`)
  switch (by) {
    case null:
      return sql<string>`''`
    case 'unit':
      return sql<string>`${column('unit_id')}::text`
    case 'category':
      return sql<string>`${column('category')}`
    case 'entryPoint':
      return sql<string>`${column('entry_point_id')}::text`
    case 'month':
      return sql<string>`to_char(${column(alias === 't' ? 'period' : 'day')}, 'YYYY-MM')`
  }
}

const SUM_COLUMNS = [
  'received',
  'proposals',
  'done',
  'reported',
  'on_time',
  ...STATUSES.map((s) => `s_${s}` as const),
  ...RATINGS.map((r) => `r_${r}` as const),
] as const

async function tallySums(db: Kysely<Database>, scope: Scope, cover: PeriodCover, by: Breakdown | null): Promise<SumRow[]> {
  return (await tallyRows(db, 'item_tallies', scope, cover)
    .select([
      groupKey(by, 't').as('k'),
      ...SUM_COLUMNS.map((c) => sql<string>`sum(${sql.ref(`t.${c}`)})`.as(c)),
      // Items with a dispatch are the rows kept apart for them.
      sql<string>`coalesce(sum(t.received) filter (where t.has_dispatch), 0)`.as('dispatched'),
    ])
    .groupBy(sql`1`)
    .execute()) as SumRow[]
}

async function tallyOpen(db: Kysely<Database>, scope: Scope, cover: PeriodCover, by: Breakdown | null, month: string): Promise<OpenRow[]> {
  return (await tallyRows(db, 'item_open_tallies', scope, cover)
    .where(sql.ref('t.deadline_month'), '<', month)
    .select([groupKey(by, 't').as('k'), sql<string>`sum(t.open_dispatches)`.as('open_dispatches'), sql<string>`sum(t.overdue_items)`.as('overdue_items')])
    .groupBy(sql`1`)
    .execute()) as OpenRow[]
}

async function tallySteps(db: Kysely<Database>, scope: Scope, cover: PeriodCover, by: Breakdown | null): Promise<StepRow[]> {
  return (await tallyRows(db, 'item_answer_tallies', scope, cover)
    .select([groupKey(by, 't').as('k'), sql<number>`t.bucket`.as('step'), sql<string>`sum(t.items)`.as('items')])
    .groupBy([sql`1`, sql`2`])
    .execute()) as StepRow[]
}

// --- The facts of the items a handler or leader sees -----------------------------------------

/** The facts of the items received in the period that this reviewer sees, under the scope's units. */
function visibleFacts(db: Kysely<Database>, user: SessionUser, scope: Scope, query: StatsQuery) {
  let q = db.selectFrom('item_facts as f').innerJoin('suggestions as s', 's.id', 'f.suggestion_id').where(visibleTo(user))
  if (scope.narrowed) q = q.where('f.unit_id', 'in', scope.unitIds)
  if (query.from) q = q.where('f.day', '>=', query.from)
  if (query.to) q = q.where('f.day', '<=', query.to)
  return q
}

async function factSums(db: Kysely<Database>, user: SessionUser, scope: Scope, query: StatsQuery, by: Breakdown | null): Promise<SumRow[]> {
  return (await visibleFacts(db, user, scope, query)
    .select([
      groupKey(by, 'f').as('k'),
      sql<string>`count(*)`.as('received'),
      sql<string>`count(*) filter (where f.is_proposal)`.as('proposals'),
      sql<string>`count(*) filter (where f.dispatched)`.as('dispatched'),
      sql<string>`count(*) filter (where f.done)`.as('done'),
      sql<string>`sum(f.reported)`.as('reported'),
      sql<string>`sum(f.on_time)`.as('on_time'),
      ...STATUSES.map((st) => sql<string>`count(*) filter (where f.status = ${st})`.as(`s_${st}`)),
      ...RATINGS.map((r) => sql<string>`count(*) filter (where f.rating = ${r})`.as(`r_${r}`)),
    ])
    .groupBy(sql`1`)
    .execute()) as SumRow[]
}

async function factOpen(db: Kysely<Database>, user: SessionUser, scope: Scope, query: StatsQuery, by: Breakdown | null, month: string): Promise<OpenRow[]> {
  return (await visibleFacts(db, user, scope, query)
    .select([
      groupKey(by, 'f').as('k'),
      sql<string>`sum((select count(*) from unnest(f.open_months) m where m < ${month}))`.as('open_dispatches'),
      sql<string>`count(*) filter (where f.overdue_month < ${month})`.as('overdue_items'),
    ])
    .groupBy(sql`1`)
    .execute()) as OpenRow[]
}

async function factSteps(db: Kysely<Database>, user: SessionUser, scope: Scope, query: StatsQuery, by: Breakdown | null): Promise<StepRow[]> {
  return (await visibleFacts(db, user, scope, query)
    .where('f.answer_bucket', 'is not', null)
    .select([groupKey(by, 'f').as('k'), sql<number>`f.answer_bucket`.as('step'), sql<string>`count(*)`.as('items')])
    .groupBy([sql`1`, sql`2`])
    .execute()) as StepRow[]
}

// --- Deadlines of the current month, as of now ------------------------------------------------

/**
 * Open dispatches whose deadline fell in the current China month and has passed: counted from
 * the dispatches (the sums hold earlier months). An item counts as overdue here when its
 * earliest open deadline is in this month (an earlier one puts it in the sums already).
 */
async function liveOpen(db: Kysely<Database>, user: SessionUser, source: Source, scope: Scope, query: StatsQuery, by: Breakdown | null, month: string, now: Date): Promise<OpenRow[]> {
  const monthStart = dayStart(month)
  if (now <= monthStart) return []
  let q = db
    .selectFrom('assignments as a')
    .innerJoin('item_facts as f', 'f.suggestion_id', 'a.suggestion_id')
    .where('a.state', '=', 'open')
    .where('a.deadline', '>=', monthStart)
    .where('a.deadline', '<', now)
  if (scope.narrowed) q = q.where('f.unit_id', 'in', scope.unitIds)
  // Only a handler's or leader's items need their row (an officer's scope is the unit).
  if (source === 'facts') q = q.where((eb) => eb.exists(eb.selectFrom('suggestions as s').select('s.id').whereRef('s.id', '=', 'f.suggestion_id').where(visibleTo(user))))
  if (query.from) q = q.where('f.day', '>=', query.from)
  if (query.to) q = q.where('f.day', '<=', query.to)
  return (await q
    .select([groupKey(by, 'f').as('k'), sql<string>`count(*)`.as('open_dispatches'), sql<string>`count(distinct f.suggestion_id) filter (where f.overdue_month >= ${month})`.as('overdue_items')])
    .groupBy(sql`1`)
    .execute()) as OpenRow[]
}

// --- Arithmetic ---------------------------------------------------------------------------------

interface Tally {
  byStatus: Record<Status, number>
  byRating: Record<Rating, number>
  proposals: number
  dispatched: number
  done: number
  overdue: number
  onTime: number
  due: number
  median: number | null
}

function emptyTally(): Tally {
  return {
    byStatus: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>,
    byRating: Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>,
    proposals: 0,
    dispatched: 0,
    done: 0,
    overdue: 0,
    onTime: 0,
    due: 0,
    median: null,
  }
}

const received = (t: Tally) => STATUSES.reduce((n, s) => n + t.byStatus[s], 0)

function figures(t: Tally): Stats {
  const { byStatus, byRating } = t
  const sum = (statuses: readonly Status[]) => statuses.reduce((n, s) => n + byStatus[s], 0)
  const all = received(t)
  const rated = RATINGS.reduce((n, r) => n + byRating[r], 0)
  return {
    replyRate: rate(sum(ANSWERED_STATUSES), all - byStatus.merged),
    implementationRate: rate(t.done, t.dispatched),
    onTimeRate: rate(t.onTime, t.due),
    satisfactionRate: rate(SATISFIED_RATINGS.reduce((n, r) => n + byRating[r], 0), rated),
    received: all,
    open: sum(OPEN_STATUSES),
    overdue: t.overdue,
    proposals: t.proposals,
    medianDaysToReply: t.median,
    byStatus,
    byRating,
  }
}
