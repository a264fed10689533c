import { describe, expect, it } from 'vitest'
import { dashboardHref, parseDashQuery } from '../../../client/admin/dashboard/dashboard-query'
import { scopedInboxHref } from '../../../client/admin/dashboard/links'
import { isPeriod, monthPeriod, presetPeriod, previousPeriod, scanWindow, trendPeriod } from '../../../client/admin/dashboard/period'
import { SCAN_DAYS_MAX } from '../../../shared/limits'

describe('dashboard periods', () => {
  it('names whole calendar months and years as seen from a China day', () => {
    expect(presetPeriod('thisMonth', '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(presetPeriod('lastMonth', '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' })
    expect(presetPeriod('thisYear', '2028-03-01')).toEqual({ from: '2028-01-01', to: '2028-12-31' })
  })

  it('compares a month with the month before and a year with the year before, other periods with as many days just before', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(previousPeriod({ from: '2026-01-01', to: '2026-01-31' })).toEqual({ from: '2025-12-01', to: '2025-12-31' })
    expect(previousPeriod({ from: '2026-01-01', to: '2026-12-31' })).toEqual({ from: '2025-01-01', to: '2025-12-31' })
    expect(previousPeriod({ from: '2026-03-10', to: '2026-03-19' })).toEqual({ from: '2026-02-28', to: '2026-03-09' })
    // Two whole months are not one month: as many days before.
    expect(previousPeriod({ from: '2026-03-01', to: '2026-04-30' })).toEqual({ from: '2025-12-30', to: '2026-02-28' })
  })

  it('draws the trend over the twelve months ending with the period, and a month as a period', () => {
    expect(trendPeriod({ from: '2026-11-01', to: '2026-11-30' })).toEqual({ from: '2025-12-01', to: '2026-11-30' })
    expect(monthPeriod('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' })
  })

  it('takes two days in order as a period, nothing else', () => {
    expect(isPeriod({ from: '2026-01-02', to: '2026-01-02' })).toBe(true)
    expect(isPeriod({ from: '2026-01-03', to: '2026-01-02' })).toBe(false)
    expect(isPeriod({ from: '2026-01-03', to: '' })).toBe(false)
  })

  it('links a figure to the inbox filtered by the same period and unit', () => {
    const scope = { from: '2026-11-01', to: '2026-11-30', unitId: '' }
    expect(scopedInboxHref(scope, { overdue: '1' })).toBe('#/items?from=2026-11-01&to=2026-11-30&overdue=1')
    expect(scopedInboxHref({ ...scope, unitId: 'u1' }, { status: 'submitted,accepted' })).toBe('#/items?status=submitted%2Caccepted&unitId=u1&from=2026-11-01&to=2026-11-30')
  })
})

describe('the overview in its hash', () => {
  it('reads back what it wrote, and reads anything else as this month, all units', () => {
    const custom = { preset: 'custom' as const, from: '2026-03-10', to: '2026-04-09', unitId: 'u1' }
    expect(dashboardHref(custom)).toBe('#/dashboard?period=custom&from=2026-03-10&to=2026-04-09&unitId=u1')
    expect(parseDashQuery(dashboardHref(custom).split('?')[1]!)).toEqual(custom)
    expect(parseDashQuery('period=lastMonth', '2026-01-15')).toEqual({ preset: 'lastMonth', from: '2025-12-01', to: '2025-12-31', unitId: '' })
    const thisMonth = { preset: 'thisMonth', from: '2026-01-01', to: '2026-01-31', unitId: '' }
    expect(parseDashQuery('', '2026-01-15')).toEqual(thisMonth)
    expect(parseDashQuery('period=custom&from=2026-02-01&to=2026-01-01', '2026-01-15')).toEqual(thisMonth)
    expect(parseDashQuery('period=custom&from=x&to=2026-01-01', '2026-01-15')).toEqual(thisMonth)
  })
})

describe('the scans’ window', () => {
  it('is the period up to a year and a day, else its last 366 days, which the scans route takes', () => {
    const max = SCAN_DAYS_MAX
    expect(scanWindow({ from: '2026-01-01', to: '2026-12-31' }, max)).toEqual({ from: '2026-01-01', to: '2026-12-31', clipped: false })
    expect(scanWindow({ from: '2024-01-01', to: '2024-12-31' }, max)).toEqual({ from: '2024-01-01', to: '2024-12-31', clipped: false }) // 366 days
    expect(scanWindow({ from: '2024-01-01', to: '2025-12-31' }, max)).toEqual({ from: '2024-12-31', to: '2025-12-31', clipped: true })
  })
})
