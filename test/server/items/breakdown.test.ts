import { expect, it } from 'vitest'
import { describeEachDialect } from '../../helpers/test-db'
import { statsFixture } from './stats-fixture'

/** Every figure but the counts by status and rating, rates to 1e-9. */
function figuresOf(row: Record<string, unknown>) {
  const { key: _k, name: _n, byStatus: _s, byRating: _r, ...rest } = row
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v]))
}

describeEachDialect('GET /api/admin/items/breakdown: the figures per unit, category, QR point and month', ({ db }) => {
  it('breaks February down by the units one level below, rolled up: each group is that unit\'s own figures (stats.test.ts)', async () => {
    const { sessions, units } = await statsFixture(db())
    const res = await sessions.officer.get('/api/admin/items/breakdown?by=unit&from=2026-02-01&to=2026-02-28')
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    // 第一中心站: C, D, E and G (its station 艾一站); 第二中心站: B, F. Most items first.
    expect(res.body.map((r: any) => [r.key, r.name, r.received])).toEqual([
      [units.cs1, '第一中心站', 4],
      [units.cs2, '第二中心站', 2],
    ])
    const [cs1, cs2] = res.body
    expect(cs1).toMatchObject({ replyRate: 1 / 3, implementationRate: 0, onTimeRate: 1 / 2, satisfactionRate: null, medianDaysToReply: 1, open: 2, overdue: 1, proposals: 1 })
    expect(cs2).toMatchObject({ replyRate: 1 / 2, implementationRate: 1 / 2, satisfactionRate: 1 / 2, medianDaysToReply: 9.5 })
    for (const row of res.body) {
      const own = (await sessions.officer.get(`/api/admin/items/stats?from=2026-02-01&to=2026-02-28&unitId=${row.key}`)).body
      expect(figuresOf(row)).toEqual(figuresOf(own))
    }
    // Under 第一中心站: its own items under its id, G under the station.
    const below = (await sessions.officer.get(`/api/admin/items/breakdown?by=unit&from=2026-02-01&to=2026-02-28&unitId=${units.cs1}`)).body
    expect(below.map((r: any) => [r.name, r.received])).toEqual([
      ['第一中心站', 3],
      ['艾一站', 1],
    ])
  })

  it('breaks all time down by China month (A in January, H in March by China time), in order', async () => {
    const { sessions } = await statsFixture(db())
    const months = (await sessions.officer.get('/api/admin/items/breakdown?by=month')).body
    expect(months.map((r: any) => [r.key, r.received])).toEqual([
      ['2026-01', 1],
      ['2026-02', 6],
      ['2026-03', 1],
    ])
    expect(months[0]).toMatchObject({ replyRate: 1, implementationRate: 1, onTimeRate: 1, satisfactionRate: 1, medianDaysToReply: 4 })
    expect(months[1]).toMatchObject({ replyRate: 2 / 5, implementationRate: 1 / 3, onTimeRate: 2 / 5, satisfactionRate: 1 / 2, medianDaysToReply: 7, overdue: 1 })
    expect(months[2]).toMatchObject({ replyRate: 0, implementationRate: null, open: 1 })
  })

  it('adds up by category and QR point to the whole, and keeps to the reviewer\'s scope', async () => {
    const { sessions } = await statsFixture(db())
    const whole = (await sessions.officer.get('/api/admin/items/stats')).body
    for (const by of ['category', 'entryPoint']) {
      const rows = (await sessions.officer.get(`/api/admin/items/breakdown?by=${by}`)).body
      expect(rows.reduce((n: number, r: any) => n + r.received, 0)).toBe(whole.received)
      expect(rows.reduce((n: number, r: any) => n + r.proposals, 0)).toBe(whole.proposals)
    }
    const points = (await sessions.officer.get('/api/admin/items/breakdown?by=entryPoint')).body
    expect(points.every((r: any) => typeof r.name === 'string' && r.name !== r.key)).toBe(true)
    // The second central station's officer sees B and F only.
    const own = (await sessions.officer2.get('/api/admin/items/breakdown?by=month')).body
    expect(own.map((r: any) => [r.key, r.received])).toEqual([['2026-02', 2]])
    for (const q of ['', 'by=week', 'by=unit&from=2026-02-30', 'by=unit&unitId=abc', 'by=unit&extra=1']) {
      const res = await sessions.officer.get(`/api/admin/items/breakdown?${q}`)
      expect([q, res.status]).toEqual([q, 400])
    }
    expect((await sessions.admin.get('/api/admin/items/breakdown?by=unit')).status).toBe(403)
  })
})
