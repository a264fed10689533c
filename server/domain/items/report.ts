import { sql, type Kysely } from 'kysely'
import type { CategoryId } from '../../../shared/categories'
import { itemNumber } from '../../../shared/item-number'
import { monthDays, previousMonth, REPORT_LIST_MAX, type MonthlyReport, type ReportItem } from '../../../shared/report'
import type { ReportQuery } from '../../../shared/schemas/report-query'
import { dayEnd, dayStart } from '../../../shared/time'
import type { SessionUser } from '../../auth/sessions'
import type { Database } from '../../db/schema'
import { ApiError } from '../../http/api-error'
import { unitInScope } from '../units'
import { itemScope, type ItemCondition } from './access'
import { breakdownRows } from './breakdown'
import { itemStats } from './stats'

const DAY_MS = 86_400_000

/**
 * The 月报 of one China month under one unit (rolled up the tree), as this reviewer sees it: the
 * figures of the month and of the month before, by category and by unit, and three lists: the
 * proposals received in the month, the dispatches overdue at the month's end (received any
 * time), the items closed in the month. Each list is one indexed query, its first `listMax`
 * lines with the count of all.
 */
export async function monthlyReport(db: Kysely<Database>, user: SessionUser, query: ReportQuery, now = new Date(), listMax = REPORT_LIST_MAX): Promise<MonthlyReport> {
  const unit = await unitInScope(db, user.unitPath, query.unitId ?? user.unitId)
  if (!unit) throw new ApiError('unit_not_found')
  const scope = await itemScope(db, user, unit.path)
  const { from, to } = monthDays(query.month)
  const start = dayStart(from)
  const end = dayEnd(to)
  // The month's end is in the future while it runs: then the overdue list is as of now.
  const cutoff = end.getTime() < now.getTime() ? end : now
  const period = { from, to, unitId: unit.id }
  const before = previousMonth(query.month)
  // Each list's first lines, with the count of all of them (a window count: one query).
  const items = () => lineRows(db, scope).select(sql<string>`count(*) over ()`.as('total')).limit(listMax)

  const [stats, previous, byCategory, byUnit, proposals, overdue, closed] = await Promise.all([
    itemStats(db, user, period, now),
    itemStats(db, user, { ...monthDays(before), unitId: unit.id }, now),
    breakdownRows(db, user, period, 'category', now),
    breakdownRows(db, user, period, 'unit', now),
    items().where('s.is_proposal', '=', true).where('s.received_at', '>=', start).where('s.received_at', '<=', end).orderBy('s.received_at').orderBy('s.id').execute(),
    items()
      .innerJoin('assignments as a', 'a.suggestion_id', 's.id')
      .innerJoin('org_units as au', 'au.id', 'a.unit_id')
      .where('a.deadline', '<', cutoff)
      .where((eb) => eb.or([eb('a.reported_at', 'is', null), eb('a.reported_at', '>', cutoff)]))
      .select(['a.deadline', 'au.id as assigned_id', 'au.name as assigned_name'])
      .orderBy('a.deadline')
      .orderBy('s.id')
      .orderBy('au.name')
      .execute(),
    items()
      .innerJoin(
        (eb) =>
          eb
            .selectFrom('suggestion_events as e')
            .where('e.kind', '=', 'close')
            .where('e.created_at', '>=', start)
            .where('e.created_at', '<=', end)
            .select(['e.suggestion_id', sql<Date>`max(e.created_at)`.as('closed_at')])
            .groupBy('e.suggestion_id')
            .as('c'),
        (join) => join.onRef('c.suggestion_id', '=', 's.id'),
      )
      .select('c.closed_at')
      .orderBy('c.closed_at')
      .orderBy('s.id')
      .execute(),
  ])

  const total = (rows: Array<{ total: string }>) => Number(rows[0]?.total ?? 0)
  return {
    totals: { proposals: total(proposals), overdue: total(overdue), closed: total(closed) },
    month: query.month,
    previousMonth: before,
    unit: { id: unit.id, name: unit.name },
    cutoff: cutoff.toISOString(),
    stats,
    previous,
    byCategory,
    byUnit,
    proposals: proposals.map(toLine),
    overdue: overdue.map((r) => ({
      ...toLine(r),
      assignedUnit: { id: r.assigned_id, name: r.assigned_name },
      deadline: new Date(r.deadline).toISOString(),
      daysOverdue: Math.floor((cutoff.getTime() - new Date(r.deadline).getTime()) / DAY_MS),
    })),
    closed: closed.map((r) => ({ ...toLine(r), closedAt: new Date(r.closed_at).toISOString() })),
  }
}

/** The items this reviewer sees that arrived under the unit, with the columns of a report line. */
function lineRows(db: Kysely<Database>, scope: ItemCondition) {
  return db
    .selectFrom('suggestions as s')
    .innerJoin('org_units as u', 'u.id', 's.unit_id')
    .where(scope)
    .select(['s.id', 's.serial_year', 's.serial_seq', 's.status', 's.category', 's.summary', sql<string>`left(s.content, 60)`.as('excerpt'), 'u.id as unit_id', 'u.name as unit_name'])
}

type LineRow = Awaited<ReturnType<ReturnType<typeof lineRows>['execute']>>[number]

function toLine(r: LineRow): ReportItem {
  return {
    id: r.id,
    number: itemNumber(r.serial_year, r.serial_seq),
    line: r.summary || r.excerpt,
    status: r.status,
    category: r.category as CategoryId,
    unit: { id: r.unit_id, name: r.unit_name },
  }
}
