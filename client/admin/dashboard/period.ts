import { todayInChina } from '../../../shared/time'

/** The periods the dashboard offers; `custom` takes its two days from the reviewer. */
export const PRESETS = ['thisMonth', 'lastMonth', 'thisYear', 'custom'] as const
export type Preset = (typeof PRESETS)[number]

/** China dates, `YYYY-MM-DD`, both ends included. */
export interface Period {
  from: string
  to: string
}

const day = (date: Date) => date.toISOString().slice(0, 10)
// Calendar arithmetic on dates at UTC midnight: no time zone can shift the day.
const at = (ymd: string) => new Date(`${ymd}T00:00:00Z`)
const addDays = (ymd: string, n: number) => day(new Date(at(ymd).getTime() + n * 86_400_000))

function monthOf(year: number, month: number): Period {
  return { from: day(new Date(Date.UTC(year, month, 1))), to: day(new Date(Date.UTC(year, month + 1, 0))) }
}

/** The whole calendar month, or year, that a preset names, as seen from `today` in China. */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, today = todayInChina()): Period {
  const d = at(today)
  const [y, m] = [d.getUTCFullYear(), d.getUTCMonth()]
  if (preset === 'thisMonth') return monthOf(y, m)
  if (preset === 'lastMonth') return monthOf(y, m - 1)
  return { from: `${y}-01-01`, to: `${y}-12-31` }
}

/**
 * The period to compare with: the previous calendar month or year when the period is one
 * (so November reads against October, whatever their lengths), else as many days just before.
 */
export function previousPeriod({ from, to }: Period): Period {
  const f = at(from)
  const end = at(to)
  const lastOfMonth = day(new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)))
  if (from.endsWith('-01') && to === lastOfMonth && from.slice(0, 7) === to.slice(0, 7)) return monthOf(f.getUTCFullYear(), f.getUTCMonth() - 1)
  if (from.endsWith('-01-01') && to.endsWith('-12-31') && from.slice(0, 4) === to.slice(0, 4)) {
    const y = f.getUTCFullYear() - 1
    return { from: `${y}-01-01`, to: `${y}-12-31` }
  }
  const days = Math.round((end.getTime() - f.getTime()) / 86_400_000) + 1
  return { from: addDays(from, -days), to: addDays(from, -1) }
}

/** The twelve calendar months ending with the period's last month: the trend's window. */
export function trendPeriod({ to }: Period): Period {
  const end = at(to)
  return { from: monthOf(end.getUTCFullYear(), end.getUTCMonth() - 11).from, to }
}

/**
 * The scans' window: the period, or its last `maxDays` days when it is longer (the scans route
 * answers at most a year of days); `clipped` says which.
 */
export function scanWindow({ from, to }: Period, maxDays: number): Period & { clipped: boolean } {
  const earliest = addDays(to, -(maxDays - 1))
  return from < earliest ? { from: earliest, to, clipped: true } : { from, to, clipped: false }
}

/** The month `YYYY-MM` as a period. */
export function monthPeriod(month: string): Period {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return monthOf(y, m - 1)
}

/** Whether the reviewer's two days make a period (both set, in order). */
export function isPeriod(p: Partial<Period>): p is Period {
  return Boolean(p.from && p.to && p.from <= p.to)
}
