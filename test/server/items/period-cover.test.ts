import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { periodCover, type Range } from '../../../server/domain/items/period-cover'

const DAY = 86_400_000
const date = (t: number) => new Date(t).toISOString().slice(0, 10)
const time = (day: string) => Date.parse(`${day}T00:00:00Z`)
// Days from 2023-11-01 to 2027-02-28: across year and month ends, and a leap day (2024-02-29).
const START = time('2023-11-01')
const END = time('2027-02-28')
const day = fc.integer({ min: 0, max: (END - START) / DAY }).map((n) => date(START + n * DAY))

/** The days a list of ranges covers inside the test's span, each once per range it is in. */
function covered(ranges: Range[]): string[] {
  const out: string[] = []
  for (const [from, before] of ranges) for (let t = Math.max(time(from), START); t < Math.min(time(before), END + DAY); t += DAY) out.push(date(t))
  return out
}

describe('periodCover: the rows of the sums that cover a period', () => {
  it('covers every day of the period once, and no other, with years and months where whole', () => {
    fc.assert(
      fc.property(fc.option(day, { nil: undefined }), fc.option(day, { nil: undefined }), (from, to) => {
        const cover = periodCover(from, to)
        const days = covered([...cover.years, ...cover.months, ...cover.days]).sort()
        const expected: string[] = []
        for (let t = START; t <= END; t += DAY) if ((!from || date(t) >= from) && (!to || date(t) <= to)) expected.push(date(t))
        expect(days).toEqual(expected)
        for (const [f, b] of cover.years) expect([f.slice(4), b.slice(4)]).toEqual(['-01-01', '-01-01'])
        for (const [f, b] of cover.months) expect([f.slice(7), b.slice(7)]).toEqual(['-01', '-01'])
        // Day rows only at the ends: fewer than a month at each.
        for (const [f, b] of cover.days) expect(time(b) - time(f)).toBeLessThanOrEqual(31 * DAY)
      }),
      { numRuns: 500, seed: 11 },
    )
  })

  it('reads a whole year, a whole month and all time from the fewest rows', () => {
    expect(periodCover('2026-01-01', '2026-12-31')).toEqual({ years: [['2026-01-01', '2027-01-01']], months: [], days: [] })
    expect(periodCover('2026-02-01', '2026-02-28')).toEqual({ years: [], months: [['2026-02-01', '2026-03-01']], days: [] })
    expect(periodCover()).toEqual({ years: [['0001-01-01', '9999-01-01']], months: [], days: [] })
    expect(periodCover('2025-12-15', '2026-03-10')).toEqual({ years: [], months: [['2026-01-01', '2026-03-01']], days: [['2025-12-15', '2026-01-01'], ['2026-03-01', '2026-03-11']] })
    expect(periodCover('2026-03-02', '2026-03-01')).toEqual({ years: [], months: [], days: [] })
  })
})
