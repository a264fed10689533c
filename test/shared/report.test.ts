import { describe, expect, it } from 'vitest'
import { monthDays, previousMonth } from '../../shared/report'

describe('shared/report: months', () => {
  it('steps back over a year and knows the length of each month, leap Februaries too', () => {
    expect([previousMonth('2026-03'), previousMonth('2026-01'), previousMonth('2026-10')]).toEqual(['2026-02', '2025-12', '2026-09'])
    expect(monthDays('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(monthDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(monthDays('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' })
  })
})
