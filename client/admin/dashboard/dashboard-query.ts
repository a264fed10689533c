import type { Scope } from './links'
import { isPeriod, PRESETS, presetPeriod, type Preset } from './period'

/** What the overview shows, kept in its hash so the way back from the inbox keeps it. */
export interface DashView extends Scope {
  preset: Preset
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The view a hash query names; anything missing or malformed reads as this month, all units. */
export function parseDashQuery(query: string, today?: string): DashView {
  const params = new URLSearchParams(query)
  const unitId = params.get('unitId') ?? ''
  const preset = PRESETS.find((p) => p === params.get('period')) ?? 'thisMonth'
  if (preset !== 'custom') return { preset, ...presetPeriod(preset, today), unitId }
  const period = { from: params.get('from') ?? '', to: params.get('to') ?? '' }
  if (DAY.test(period.from) && DAY.test(period.to) && isPeriod(period)) return { preset, ...period, unitId }
  return { preset: 'thisMonth', ...presetPeriod('thisMonth', today), unitId }
}

export function dashboardHref(view: DashView): string {
  const params = new URLSearchParams({ period: view.preset })
  if (view.preset === 'custom') {
    params.set('from', view.from)
    params.set('to', view.to)
  }
  if (view.unitId) params.set('unitId', view.unitId)
  return `#/dashboard?${params}`
}
