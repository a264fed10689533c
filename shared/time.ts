/**
 * Calendar days are China Standard Time (UTC+8, no daylight saving): a deadline of
 * 2026-12-01 ends at midnight in Beijing, wherever the server runs.
 */
export const UTC_OFFSET = '+08:00'

/** The first instant of `day` (`YYYY-MM-DD`). */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000${UTC_OFFSET}`)
}

/** The last millisecond of `day`: what a deadline on that day means. */
export function dayEnd(day: string): Date {
  return new Date(`${day}T23:59:59.999${UTC_OFFSET}`)
}

/** Today's date in China, `YYYY-MM-DD`. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

/** The calendar days the app accepts anywhere (dates in filters, deadlines, meetings). */
export const DAY_RANGE = { min: '2000-01-01', max: '2199-12-31' } as const

/** True for a real calendar day `YYYY-MM-DD` in `DAY_RANGE` (no 2026-02-30, no 2026-13-01). */
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  return !!m && realDate(+m[1]!, +m[2]!, +m[3]!) && text >= DAY_RANGE.min && text <= DAY_RANGE.max
}

/**
 * True for an ISO 8601 instant with its offset, `2026-11-25T08:30:00.000Z` or
 * `2026-11-25T16:30+08:00`, whose every part is real and whose day is in `DAY_RANGE`.
 */
export function isInstant(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/.exec(text)
  if (!m || !realDate(+m[1]!, +m[2]!, +m[3]!)) return false
  if (+m[4]! > 23 || +m[5]! > 59 || +(m[6] ?? 0) > 59 || +(m[8] ?? 0) > 14 || +(m[9] ?? 0) > 59) return false
  const day = text.slice(0, 10)
  return day >= DAY_RANGE.min && day <= DAY_RANGE.max && !Number.isNaN(Date.parse(text))
}

function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day))
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
}
