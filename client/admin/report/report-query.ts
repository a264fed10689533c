import { previousMonth } from '../../../shared/report'
import type { Lang } from '../../../shared/lang'
import { todayInChina } from '../../../shared/time'

/** The month and unit in the report's hash; the month defaults to last month in China. */
export function readReportQuery(query: string, now = new Date()): { month: string; unitId: string } {
  const params = new URLSearchParams(query)
  const month = params.get('month') ?? ''
  return {
    month: /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : previousMonth(todayInChina(now).slice(0, 7)),
    unitId: params.get('unitId') ?? '',
  }
}

/** The change from last month in percentage points, one decimal; null when either side has no rate. */
export function pointsChange(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : Math.round((now - before) * 1000) / 10
}

/** `2026-02` as people write it: `2026年2月`, `February 2026`. */
export function monthLabel(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  if (lang !== 'en') return `${y}年${m}月`
  return `${new Date(Date.UTC(y, m - 1, 15)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })} ${y}`
}
