import type { BreakdownRow, Stats } from './admin-api'
import type { CategoryId } from './categories'
import type { Status } from './statuses'

/** One item as a line of the monthly report: its number and a line of what it says. */
export interface ReportItem {
  id: string
  number: string
  /** The summary the union wrote, else the start of the text. */
  line: string
  status: Status
  category: CategoryId
  /** The unit the item was received at. */
  unit: { id: string; name: string }
}

/** A dispatch past its deadline and not reported when the month ended (or now, in the current month). */
export interface ReportOverdue extends ReportItem {
  /** The unit the item was dispatched to. */
  assignedUnit: { id: string; name: string }
  deadline: string
  /** Whole days from the deadline to the report's cut-off. */
  daysOverdue: number
}

/** An item closed (办结) in the month: the day of its last closing in the month. */
export interface ReportClosed extends ReportItem {
  closedAt: string
}

/**
 * `GET /api/admin/report?month=YYYY-MM&unitId=`: the 月报. Figures (`stats`, the breakdowns,
 * the proposals) are over the items received in the month, as `GET /api/admin/items/stats`;
 * `previous` is the month before, for the comparison.
 */
export interface MonthlyReport {
  month: string
  previousMonth: string
  /** The unit the report is about: the one asked for, else the reviewer's own. */
  unit: { id: string; name: string }
  /** The instant the overdue list is taken at: the month's last moment, or now if that is later. */
  cutoff: string
  stats: Stats
  previous: Stats
  byCategory: BreakdownRow[]
  byUnit: BreakdownRow[]
  proposals: ReportItem[]
  overdue: ReportOverdue[]
  closed: ReportClosed[]
  /** How many lines each list has in all: a list shows its first `REPORT_LIST_MAX`. */
  totals: { proposals: number; overdue: number; closed: number }
}

/** The most lines a list of the 月报 shows (the rest are counted, and found in the inbox). */
export const REPORT_LIST_MAX = 500

/** `YYYY-MM` and the month before it. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** The first and last China day of `YYYY-MM`. */
export function monthDays(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` }
}
