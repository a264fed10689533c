import { sql, type Kysely } from 'kysely'
import type { Stats } from '../../../shared/admin-api'
import { RATINGS, type Rating } from '../../../shared/ratings'
import { OPEN_STATUSES, SATISFIED_RATINGS, rate } from '../../../shared/rates'
import type { StatsQuery } from '../../../shared/schemas/stats-query'
import { ANSWERED_STATUSES, STATUSES, type Status } from '../../../shared/statuses'
import { dayEnd, dayStart } from '../../../shared/time'
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
  const items = await receivedItems(db, user, query)
  const [groups, dispatches, reply] = await Promise.all([
    items
      .selectFrom('items as i')
      .select(['i.status', 'i.rating', sql<string>`count(*)`.as('n'), sql<string>`count(*) filter (where i.is_proposal)`.as('proposals')])
      .groupBy(['i.status', 'i.rating'])
      .execute(),
    items
      .selectFrom((eb) =>
        eb
          .selectFrom('assignments as a')
          .innerJoin('items as i', 'i.id', 'a.suggestion_id')
          .select([
            // `is not distinct from`: an unreported dispatch (no outcome) makes the item not done.
            sql<boolean>`bool_and(a.outcome is not distinct from 'completed')`.as('done'),
            sql<boolean>`bool_or(a.state = 'open' and a.deadline < ${now})`.as('overdue'),
            sql<string>`count(*) filter (where a.reported_at <= a.deadline)`.as('on_time'),
            sql<string>`count(*) filter (where a.state = 'reported' or a.deadline < ${now})`.as('due'),
          ])
          .groupBy('a.suggestion_id')
          .as('per_item'),
      )
      .select([
        sql<string>`count(*)`.as('items'),
        sql<string>`count(*) filter (where per_item.done)`.as('done'),
        sql<string>`count(*) filter (where per_item.overdue)`.as('overdue'),
        sql<string>`coalesce(sum(per_item.on_time), 0)`.as('on_time'),
        sql<string>`coalesce(sum(per_item.due), 0)`.as('due'),
      ])
      .executeTakeFirstOrThrow(),
    items
      .selectFrom((eb) =>
        eb
          .selectFrom('items as i')
          .innerJoin('suggestion_events as e', 'e.suggestion_id', 'i.id')
          .where('e.kind', 'in', ['reply', 'decline'])
          .select(sql<number>`extract(epoch from min(e.created_at) - i.received_at)::float8 / ${DAY_SECONDS}`.as('days'))
          .groupBy(['i.id', 'i.received_at'])
          .as('first_answer'),
      )
      .select(sql<number | null>`percentile_cont(0.5) within group (order by first_answer.days)`.as('median'))
      .executeTakeFirstOrThrow(),
  ])

  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>
  const byRating = Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>
  let proposals = 0
  for (const g of groups) {
    byStatus[g.status] += Number(g.n)
    if (g.rating) byRating[g.rating] += Number(g.n)
    proposals += Number(g.proposals)
  }
  const sum = (statuses: readonly Status[]) => statuses.reduce((n, s) => n + byStatus[s], 0)
  const received = sum(STATUSES)
  const rated = RATINGS.reduce((n, r) => n + byRating[r], 0)
  return {
    replyRate: rate(sum(ANSWERED_STATUSES), received - byStatus.merged),
    implementationRate: rate(Number(dispatches.done), Number(dispatches.items)),
    onTimeRate: rate(Number(dispatches.on_time), Number(dispatches.due)),
    satisfactionRate: rate(SATISFIED_RATINGS.reduce((n, r) => n + byRating[r], 0), rated),
    received,
    open: sum(OPEN_STATUSES),
    overdue: Number(dispatches.overdue),
    proposals,
    medianDaysToReply: reply.median === null ? null : Number(reply.median),
    byStatus,
    byRating,
  }
}

/** The items received in the period that this reviewer sees, under the unit if one is named: a CTE. */
async function receivedItems(db: Kysely<Database>, user: SessionUser, query: StatsQuery) {
  let unitIds: string[] | null = null
  if (query.unitId) {
    const unit = await unitInScope(db, user.unitPath, query.unitId)
    if (!unit) throw new ApiError('unit_not_found')
    // Rolled up the tree, resolved to ids so the (unit_id, received_at) index serves (paths are ids and slashes: no LIKE wildcards).
    unitIds = (await db.selectFrom('org_units').select('id').where('path', 'like', `${unit.path}%`).execute()).map((u) => u.id)
  }
  return db.with('items', (d) => {
    let q = d.selectFrom('suggestions as s').where(visibleTo(user))
    if (query.from) q = q.where('s.received_at', '>=', dayStart(query.from))
    if (query.to) q = q.where('s.received_at', '<=', dayEnd(query.to))
    if (unitIds) q = q.where('s.unit_id', 'in', unitIds)
    return q.select(['s.id', 's.status', 's.rating', 's.is_proposal', 's.received_at'])
  })
}
