import * as v from 'valibot'
import { record } from '../validation'
import { calendarDay, uuid } from './fields'

/**
 * The figures' filters: a period of China dates, both ends included (either may be left open),
 * and a unit rolled up the tree (the unit and every unit below it), as the inbox reads them.
 */
const period = {
  from: v.optional(calendarDay),
  to: v.optional(calendarDay),
  unitId: v.optional(uuid),
}

export const StatsQuerySchema = record(period)

export type StatsQuery = v.InferOutput<typeof StatsQuerySchema>

/** What the figures are broken down by: the units one level below (rolled up), category, QR point, China month. */
export const BREAKDOWNS = ['unit', 'category', 'entryPoint', 'month'] as const
export type Breakdown = (typeof BREAKDOWNS)[number]

/** `GET /api/admin/items/breakdown`: the figures' filters, and what to break them down by. */
export const BreakdownQuerySchema = record({ ...period, by: v.picklist(BREAKDOWNS, 'invalid_query') })
