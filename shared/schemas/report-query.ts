import * as v from 'valibot'
import { DAY_RANGE } from '../time'
import { record } from '../validation'
import { uuid } from './fields'

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/** `GET /api/admin/report`: a China month `YYYY-MM` in the accepted range, and a unit rolled up the tree. */
export const ReportQuerySchema = record({
  month: v.pipe(
    v.string(),
    v.check((s) => MONTH.test(s) && s >= DAY_RANGE.min.slice(0, 7) && s <= DAY_RANGE.max.slice(0, 7), 'invalid_query'),
  ),
  unitId: v.optional(uuid),
})

export type ReportQuery = v.InferOutput<typeof ReportQuerySchema>
