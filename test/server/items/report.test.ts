import { sql as raw } from 'kysely'
import { expect, it } from 'vitest'
import { monthlyReport } from '../../../server/domain/items/report'
import type { SessionUser } from '../../../server/auth/sessions'
import { describeEachDialect } from '../../helpers/test-db'
import { statsFixture } from './stats-fixture'

// The 月报 on the hand-computed fixture of ./stats-fixture.ts (items A to H, Jan-Mar 2026). The
// fixture closes A "now"; each test moves that closing to 2026-02-05 10:00 China time.
describeEachDialect('GET /api/admin/report: the monthly report on a hand-computed fixture', ({ db }) => {
  const setup = async () => {
    const fixture = await statsFixture(db())
    const rows = await db().db.selectFrom('suggestions').select(['id', 'content']).execute()
    const item = Object.fromEntries(rows.map((r) => [/意见(.)的内容/.exec(r.content)![1]!, r.id]))
    await db().db.updateTable('suggestion_events').set({ created_at: raw<Date>`${new Date('2026-02-05T10:00+08:00')}` } as never).where('kind', '=', 'close').execute()
    const get = async (who: keyof typeof fixture.sessions, query: string) => {
      const res = await fixture.sessions[who].get(`/api/admin/report?${query}`)
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      return res.body
    }
    return { ...fixture, item, get }
  }
  const ids = (list: Array<{ id: string }>) => list.map((x) => x.id)

  it('reports February for the whole 作业区: figures, last month, breakdowns and the three lists', async () => {
    const { get, item, units, station } = await setup()
    const r = await get('officer', 'month=2026-02')
    expect([r.month, r.previousMonth, r.unit.name]).toEqual(['2026-02', '2026-01', '艾家湾采油作业区'])
    // The month is over: the overdue list is as of its last moment.
    expect(r.cutoff).toBe(new Date('2026-02-28T23:59:59.999+08:00').toISOString())
    // The figures are those of stats.test.ts: B..G this month, A last month.
    expect([r.stats.received, r.stats.open, r.stats.overdue, r.stats.proposals, r.stats.medianDaysToReply]).toEqual([6, 3, 1, 1, 7])
    expect(r.stats.replyRate).toBeCloseTo(2 / 5, 9)
    expect([r.previous.received, r.previous.replyRate, r.previous.satisfactionRate]).toEqual([1, 1, 1])
    expect(r.byCategory.map((x: any) => [x.key, x.received])).toEqual([['livelihood', 6]])
    // 第一中心站: C, D, E, G (G at its station 艾一站); 第二中心站: B, F.
    expect(r.byUnit.map((x: any) => [x.key, x.name, x.received])).toEqual([
      [units.cs1, '第一中心站', 4],
      [units.cs2, '第二中心站', 2],
    ])
    expect(r.proposals).toEqual([
      { id: item.G, number: expect.stringMatching(/^YJ-2026-\d{4}$/), line: '统计用的意见G的内容', status: 'accepted', category: 'livelihood', unit: { id: station, name: '艾一站' } },
    ])
    // Overdue on 02-28: only C's dispatch to 第二中心站 (deadline 02-15). B-cs2 and F were late but reported within the month.
    expect(r.overdue).toHaveLength(1)
    expect(r.overdue[0]).toMatchObject({
      id: item.C,
      unit: { id: units.cs1, name: '第一中心站' },
      assignedUnit: { id: units.cs2, name: '第二中心站' },
      deadline: new Date('2026-02-15T23:59:59.999+08:00').toISOString(),
      daysOverdue: 13,
    })
    // A arrived in January and was closed on 02-05.
    expect(r.closed).toEqual([expect.objectContaining({ id: item.A, status: 'closed', closedAt: new Date('2026-02-05T10:00+08:00').toISOString() })])
  })

  it('lists an item overdue since February in March too, and nothing closed or overdue in January', async () => {
    const { get, item } = await setup()
    const march = await get('officer', 'month=2026-03')
    expect(march.overdue.map((o: any) => [o.id, o.daysOverdue])).toEqual([[item.C, 44]]) // 13 days of February, 31 of March
    expect([march.stats.received, march.previous.received, march.proposals, march.closed]).toEqual([1, 6, [], []])
    const january = await get('officer', 'month=2026-01')
    expect([january.stats.received, january.previous.received, january.overdue, january.closed, january.proposals]).toEqual([1, 0, [], [], []])
  })

  it('keeps to the unit asked for and to what the reviewer sees', async () => {
    const { get, item, units } = await setup()
    const cs1 = await get('officer', `month=2026-02&unitId=${units.cs1}`)
    expect([cs1.unit.name, cs1.stats.received, ids(cs1.proposals), ids(cs1.overdue), ids(cs1.closed)]).toEqual(['第一中心站', 4, [item.G], [item.C], [item.A]])
    // 第二中心站 received B and F: no proposal, nothing overdue at its end of February, nothing closed.
    const cs2 = await get('officer2', 'month=2026-02')
    expect([cs2.unit.name, cs2.stats.received, cs2.proposals, cs2.overdue, cs2.closed]).toEqual(['第二中心站', 2, [], [], []])
    // The leader sees only dispatched items (A, B, C, F): A closed, C overdue; G was never dispatched.
    const leader = await get('leader', 'month=2026-02')
    expect([leader.stats.received, ids(leader.proposals), ids(leader.overdue), ids(leader.closed)]).toEqual([3, [], [item.C], [item.A]])
  })

  it('refuses a unit outside the scope (422) and a malformed month (400)', async () => {
    const { sessions, units } = await setup()
    const outside = await sessions.officer2.get(`/api/admin/report?month=2026-02&unitId=${units.cs1}`)
    expect([outside.status, outside.body.error.code]).toEqual([422, 'unit_not_found'])
    for (const query of ['', 'month=2026-13', 'month=2026-2', 'month=1999-12', 'month=2026-02-01', 'month=2026-02&unitId=abc', 'month=2026-02&colour=red']) {
      const res = await sessions.officer.get(`/api/admin/report?${query}`)
      expect([query, res.status]).toEqual([query, 400])
    }
    const admin = await sessions.admin.get('/api/admin/report?month=2026-02')
    expect(admin.status).toBe(403)
  })

  it("shows each list's first lines and counts them all", async () => {
    const { get, item, ids: people } = await setup()
    // B is closed on 02-20 too: February's closed list has two lines.
    await db().db.insertInto('suggestion_events').values({ suggestion_id: item.B!, kind: 'close', actor_kind: 'officer', actor_user_id: people.officer.id, is_public: true, created_at: new Date('2026-02-20T10:00+08:00') } as never).execute()
    const full = await get('officer', 'month=2026-02')
    expect([ids(full.closed), full.totals]).toEqual([[item.A, item.B], { proposals: 1, overdue: 1, closed: 2 }])
    const unit = await db().db.selectFrom('org_units').select(['id', 'path']).where('name', '=', '艾家湾采油作业区').executeTakeFirstOrThrow()
    const officer: SessionUser = { id: people.officer.id, username: 'officer', displayName: '', role: 'officer', unitId: unit.id, unitPath: unit.path, csrfToken: '' }
    const cut = await monthlyReport(db().db, officer, { month: '2026-02' }, new Date(), 1)
    expect([ids(cut.closed), ids(cut.proposals), ids(cut.overdue), cut.totals]).toEqual([[item.A], [item.G], [item.C], { proposals: 1, overdue: 1, closed: 2 }])
  })
})
