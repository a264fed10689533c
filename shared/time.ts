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
