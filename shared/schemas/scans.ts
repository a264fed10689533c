import * as v from 'valibot'
import { record } from '../validation'
import { calendarDay } from './fields'

/** At most a year and a day of scans at once. */
export const SCAN_RANGE_MAX_DAYS = 366

const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000

/** The period of `GET /api/admin/scans`; both days default to the last 30 days. */
export const ScanQuerySchema = v.pipe(
  record({ from: v.optional(calendarDay), to: v.optional(calendarDay) }),
  v.check((q) => !q.from || !q.to || (days(q.from, q.to) >= 0 && days(q.from, q.to) < SCAN_RANGE_MAX_DAYS), 'invalid_date'),
)

