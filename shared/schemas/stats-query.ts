import * as v from 'valibot'
import { record } from '../validation'
import { calendarDay, uuid } from './fields'

/**
 * The figures' filters: a period of China dates, both ends included (either may be left open),
 * and a unit rolled up the tree (the unit and every unit below it), as the inbox reads them.
 */
export const StatsQuerySchema = record({
  from: v.optional(calendarDay),
  to: v.optional(calendarDay),
  unitId: v.optional(uuid),
})

export type StatsQuery = v.InferOutput<typeof StatsQuerySchema>
