import * as v from 'valibot'
import { SCAN_DAYS_MAX } from '../limits'
import { record } from '../validation'
import { calendarDay, uuid } from './fields'


const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000

/** The period of `GET /api/admin/scans` (both days default to the last 30 days), and a unit rolled up the tree. */
export const ScanQuerySchema = v.pipe(
  record({ from: v.optional(calendarDay), to: v.optional(calendarDay), unitId: v.optional(uuid) }),
  v.check((q) => !q.from || !q.to || (days(q.from, q.to) >= 0 && days(q.from, q.to) < SCAN_DAYS_MAX), 'invalid_date'),
)

