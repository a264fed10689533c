import { sql, type Kysely } from 'kysely'
import type { Stats } from '../../../shared/admin-api'
import { RATINGS, type Rating } from '../../../shared/ratings'
import { OPEN_STATUSES, SATISFIED_RATINGS, rate } from '../../../shared/rates'
import type { Breakdown, StatsQuery } from '../../../shared/schemas/stats-query'
import { ANSWERED_STATUSES, STATUSES, type Status } from '../../../shared/statuses'
import { dayEnd, dayStart, TIME_ZONE } from '../../../shared/time'
import type { SessionUser } from '../../auth/sessions'
import type { Database } from '../../db/schema'
import { ApiError } from '../../http/api-error'
import { unitInScope } from '../units'
import { visibleTo } from './access'

const DAY_SECONDS = 86_400

/**
 * The figures of `shared/rates.ts` (their definitions are there) over the items received in the
 * period that this reviewer sees, optionally under one unit. Three aggregates over one common
 * set of items, each a join and a GROUP BY (no per-row subquery): statuses and ratings; the
 * dispatches, folded per item; the first answers.
 */
export async function itemStats(db: Kysely<Database>, user: SessionUser, query: StatsQuery, now = new Date()): Promise<Stats> {
  const groups = await groupedStats(db, user, query, null, now)
  return groups.get('') ?? figures(emptyTally())
}

/**
 * The same figures, one set per group (`by`): the key is the child unit's id (the named unit
 * itself, or the reviewer's own, holds items received at that level under its own id), the
 * category id, the QR point's id, or `YYYY-MM`. Groups without items are absent.
 */
export async function itemBreakdown(db: Kysely<Database>, user: SessionUser, query: StatsQuery, by: Breakdown, now = new Date()): Promise<Map<string, Stats>> {
  return groupedStats(db, user, query, by, now)
}

async function groupedStats(db: Kysely<Database>, user: SessionUser, query: StatsQuery, by: Breakdown | null, now: Date): Promise<Map<string, Stats>> {
  const items = await receivedItems(db, user, query, by)
  const [groups, dispatches, reply] = await Promise.all([
    items
      .selectFrom('items as i')
      .select(['i.k', 'i.status', 'i.rating', sql<string>`count(*)`.as('n'), sql<string>`count(*) filter (where i.is_proposal)`.as('proposals')])
      .groupBy(['i.k', 'i.status', 'i.rating'])
      .execute(),
    items
      .selectFrom((eb) =>
        eb
          .selectFrom('assignments as a')
          .innerJoin('items as i', 'i.id', 'a.suggestion_id')
          .select([
            'i.k',
            // `is not distinct from`: an unreported dispatch (no outcome) makes the item not done.
            sql<boolean>`bool_and(a.outcome is not distinct from 'completed')`.as('done'),
            sql<boolean>`bool_or(a.state = 'open' and a.deadline < ${now})`.as('overdue'),
            sql<string>`count(*) filter (where a.reported_at <= a.deadline)`.as('on_time'),
            sql<string>`count(*) filter (where a.state = 'reported' or a.deadline < ${now})`.as('due'),
          ])
          .groupBy(['a.suggestion_id', 'i.k'])
          .as('per_item'),
      )
      .select([
        'per_item.k',
        sql<string>`count(*)`.as('items'),
        sql<string>`count(*) filter (where per_item.done)`.as('done'),
        sql<string>`count(*) filter (where per_item.overdue)`.as('overdue'),
        sql<string>`coalesce(sum(per_item.on_time), 0)`.as('on_time'),
        sql<string>`coalesce(sum(per_item.due), 0)`.as('due'),
      ])
      .groupBy('per_item.k')
      .execute(),
    items
      .selectFrom((eb) =>
        eb
          .selectFrom('items as i')
          .innerJoin('suggestion_events as e', 'e.suggestion_id', 'i.id')
          .where('e.kind', 'in', ['reply', 'decline'])
          .select(['i.k', sql<number>`extract(epoch from min(e.created_at) - i.received_at)::float8 / ${DAY_SECONDS}`.as('days')])
          .groupBy(['i.id', 'i.k', 'i.received_at'])
          .as('first_answer'),
      )
      .select(['first_answer.k', sql<number | null>`percentile_cont(0.5) within group (order by first_answer.days)`.as('median')])
      .groupBy('first_answer.k')
      .execute(),
  ])

  const tallies = new Map<string, Tally>()
  const tally = (k: string) => tallies.get(k) ?? tallies.set(k, emptyTally()).get(k)!
  for (const g of groups) {
    const t = tally(g.k)
    t.byStatus[g.status] += Number(g.n)
    if (g.rating) t.byRating[g.rating] += Number(g.n)
    t.proposals += Number(g.proposals)
  }
  for (const d of dispatches) Object.assign(tally(d.k), { dispatched: Number(d.items), done: Number(d.done), overdue: Number(d.overdue), onTime: Number(d.on_time), due: Number(d.due) })
  for (const r of reply) tally(r.k).median = r.median === null ? null : Number(r.median)
  return new Map([...tallies].map(([k, t]) => [k, figures(t)]))
}

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

function figures(t: Tally): Stats {
  const { byStatus, byRating } = t
  const sum = (statuses: readonly Status[]) => statuses.reduce((n, s) => n + byStatus[s], 0)
  const received = sum(STATUSES)
  const rated = RATINGS.reduce((n, r) => n + byRating[r], 0)
  return {
    replyRate: rate(sum(ANSWERED_STATUSES), received - byStatus.merged),
    implementationRate: rate(t.done, t.dispatched),
    onTimeRate: rate(t.onTime, t.due),
    satisfactionRate: rate(SATISFIED_RATINGS.reduce((n, r) => n + byRating[r], 0), rated),
    received,
    open: sum(OPEN_STATUSES),
    overdue: t.overdue,
    proposals: t.proposals,
    medianDaysToReply: t.median,
    byStatus,
    byRating,
  }
}

/**
 * The items received in the period that this reviewer sees, under the unit if one is named, each
 * with its group key `k` ('' when not broken down): a CTE.
 */
async function receivedItems(db: Kysely<Database>, user: SessionUser, query: StatsQuery, by: Breakdown | null) {
  let unitIds: string[] | null = null
  let top = user.unitPath
  if (query.unitId) {
    const unit = await unitInScope(db, user.unitPath, query.unitId)
    if (!unit) throw new ApiError('unit_not_found')
    top = unit.path
    // Rolled up the tree, resolved to ids so the (unit_id, received_at) index serves (paths are ids and slashes: no LIKE wildcards).
    unitIds = (await db.selectFrom('org_units').select('id').where('path', 'like', `${unit.path}%`).execute()).map((u) => u.id)
  }
  return db.with('items', (d) => {
    // The item's unit (a small table) gives the unit breakdown its key without a lookup per row.
    let q = d.selectFrom('suggestions as s').innerJoin('org_units as iu', 'iu.id', 's.unit_id').where(visibleTo(user))
    if (query.from) q = q.where('s.received_at', '>=', dayStart(query.from))
    if (query.to) q = q.where('s.received_at', '<=', dayEnd(query.to))
    if (unitIds) q = q.where('s.unit_id', 'in', unitIds)
    return q.select(['s.id', 's.status', 's.rating', 's.is_proposal', 's.received_at', groupKey(by, top).as('k')])
  })
}

/** An item's group: see `itemBreakdown`. `top` is the path of the unit the figures are under. */
function groupKey(by: Breakdown | null, top: string) {
  switch (by) {
    case null:
      return sql<string>`''`
    case 'category':
      return sql<string>`s.category`
    case 'entryPoint':
      return sql<string>`s.entry_point_id::text`
    case 'month':
      return sql<string>`to_char(s.received_at at time zone ${TIME_ZONE}, 'YYYY-MM')`
    case 'unit': {
      // The first id below `top` in the item's unit path; none: the item is at `top` itself.
      const topId = top.split('/').filter(Boolean).at(-1) ?? ''
      return sql<string>`coalesce(nullif(split_part(substr(iu.path, ${top.length + 1}), '/', 1), ''), ${topId})`
    }
  }
}
