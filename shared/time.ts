import type { Lang } from './lang'

/**
 * Calendar days are China Standard Time (UTC+8, no daylight saving): a deadline of
 * 2026-12-01 ends at midnight in Beijing, wherever the server runs.
 */
export const UTC_OFFSET = '+08:00'

/** The zone every time is shown in, whatever the zone of the phone, laptop or server. */
export const TIME_ZONE = 'Asia/Shanghai'

/** The first instant of `day` (`YYYY-MM-DD`). */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000${UTC_OFFSET}`)
}

/** The last millisecond of `day`: what a deadline on that day means. */
export function dayEnd(day: string): Date {
  return new Date(`${day}T23:59:59.999${UTC_OFFSET}`)
}

/** Whole China days from `now`'s day to `deadline`'s day: 0 on the day, negative once past. */
export function daysLeft(deadline: Date, now: Date): number {
  return Math.round((dayStart(todayInChina(deadline)).getTime() - dayStart(todayInChina(now)).getTime()) / 86_400_000)
}

/** The China day `days` after `day` (`YYYY-MM-DD`). */
export function addDays(day: string, days: number): string {
  return todayInChina(new Date(dayStart(day).getTime() + days * 86_400_000 + 12 * 3600_000))
}

/** Today's date in China, `YYYY-MM-DD`. */
export function todayInChina(now = new Date()): string {
  return chinaDateTime(now).slice(0, 10)
}

// Built once: a DateTimeFormat is slow to make and a CSV formats thousands of times.
const formats = new Map<string, Intl.DateTimeFormat>()
function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options)
  let f = formats.get(key)
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options })))
  return f
}

const PARTS = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const

/** An instant as China's wall clock, `YYYY-MM-DD HH:mm` (the CSV's column, and the base of `todayInChina`). */
export function chinaDateTime(at: Date | string): string {
  const parts: Record<string, string> = {}
  for (const p of format('en-US', PARTS).formatToParts(new Date(at))) parts[p.type] = p.value
  return `${parts.year!.padStart(4, '0')}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}

/** The year in China at an instant: 2027 from 2026-12-31T16:00Z on. */
export function chinaYear(at: Date | string): number {
  return Number(chinaDateTime(at).slice(0, 4))
}

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'zh-CN')

// Text that is not a time is shown as it came, never as "Invalid Date".
function shown(iso: string, f: Intl.DateTimeFormat): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : f.format(date)
}

/** Date and minute in China time: `2026/03/02 00:00`, `02/03/2026, 00:00`. */
export function formatTime(iso: string, lang: Lang): string {
  return shown(iso, format(locale(lang), { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }))
}

/** The day in China time with its year, for reviewers: `2026/03/02`, `02/03/2026`. */
export function formatDate(iso: string, lang: Lang): string {
  return shown(iso, format(locale(lang), { year: 'numeric', month: '2-digit', day: '2-digit' }))
}

/** The day in China time in words, for workers: `3月2日`, `2 March`. */
export function formatMonthDay(iso: string, lang: Lang): string {
  return shown(iso, format(locale(lang), { month: 'long', day: 'numeric' }))
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
