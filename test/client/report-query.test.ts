import { describe, expect, it } from 'vitest'
import { monthLabel, pointsChange, readReportQuery } from '../../client/admin/report/report-query'

describe('client/admin/report/report-query', () => {
  it('defaults to last month in China, and keeps a valid month and the unit from the hash', () => {
    // 2026-03-01 00:30 in China is still February in UTC: last month is February.
    expect(readReportQuery('', new Date('2026-03-01T00:30+08:00'))).toEqual({ month: '2026-02', unitId: '' })
    expect(readReportQuery('month=2026-13', new Date('2026-01-10T12:00+08:00'))).toEqual({ month: '2025-12', unitId: '' })
    expect(readReportQuery('month=2025-07&unitId=abc')).toEqual({ month: '2025-07', unitId: 'abc' })
  })

  it('gives the change in percentage points, none without a rate on either side', () => {
    expect([pointsChange(0.4, 1), pointsChange(1 / 3, 0), pointsChange(0.5, 0.5), pointsChange(null, 1), pointsChange(1, null)]).toEqual([-60, 33.3, 0, null, null])
    expect([monthLabel('2026-02', 'zh-CN'), monthLabel('2026-02', 'en')]).toEqual(['2026年2月', 'February 2026'])
  })
})
