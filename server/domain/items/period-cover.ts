/**
 * Which rows of the sums cover a period of China dates (both ends included, either open): whole
 * years from the year rows, whole months from the month rows, the days left at either end from
 * the day rows. Each range is `[from, before)` by its rows' first days; no day is covered twice.
 * Dates are `YYYY-MM-DD`; an open end is a date beyond any item's (years 0001 and 9999).
 */
export interface PeriodCover {
  years: Range[]
  months: Range[]
  days: Range[]
}
export type Range = [from: string, before: string]

const FIRST = '0001-01-01'
const LAST = '9998-12-31'

export function periodCover(from = FIRST, to = LAST): PeriodCover {
  const cover: PeriodCover = { years: [], months: [], days: [] }
  if (from > to) return cover
  const end = addDay(to)
  // Whole months: from the first month start at or after `from`, before the last one at or before `end`.
  const m0 = from.endsWith('-01') ? from : nextMonth(from)
  const m1 = monthOf(end)
  if (m0 > m1) {
    cover.days.push([from, end])
    return cover
  }
  if (from < m0) cover.days.push([from, m0])
  if (m1 < end) cover.days.push([m1, end])
  // Whole years inside the whole months.
  const y0 = m0.endsWith('-01-01') ? m0 : `${pad(Number(m0.slice(0, 4)) + 1, 4)}-01-01`
  const y1 = `${m1.slice(0, 4)}-01-01`
  if (y0 < y1) {
    cover.years.push([y0, y1])
    if (m0 < y0) cover.months.push([m0, y0])
    if (y1 < m1) cover.months.push([y1, m1])
  } else if (m0 < m1) cover.months.push([m0, m1])
  return cover
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

/** The first day of the month of `day`. */
const monthOf = (day: string) => `${day.slice(0, 7)}-01`

/** The first day of the month after the month of `day`. */
function nextMonth(day: string): string {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))]
  return m === 12 ? `${pad(y + 1, 4)}-01-01` : `${day.slice(0, 4)}-${pad(m + 1, 2)}-01`
}

/** The day after `day`. */
function addDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`
}
