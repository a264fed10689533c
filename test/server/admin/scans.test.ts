import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { countScan } from '../../../server/domain/scans'
import { todayInChina } from '../../../shared/time'
import { describeEachDialect } from '../../helpers/test-db'
import { adminCast, outcome } from './fixtures'

describeEachDialect('QR scans, counted per point per China day (GET /api/entry-points/:code?scan=1, GET /api/admin/scans)', ({ db }) => {
  it('counts an opening by a poster, not a place chosen in the app, an unknown code or a retired point', async () => {
    const c = await adminCast(db())
    const get = (path: string) => c.app.request(path)
    for (let i = 0; i < 3; i++) expect((await get('/api/entry-points/cs1?scan=1')).status).toBe(200)
    expect((await get('/api/entry-points/cs1')).status).toBe(200) // chosen under 选择地点
    expect((await get('/api/entry-points/cs2?scan=1')).status).toBe(200)
    expect((await get('/api/entry-points/nowhere?scan=1')).status).toBe(404)
    expect((await get('/api/entry-points/cs1?scan=yes')).status).toBe(400)
    const today = todayInChina()
    const counts = (await (await c.as('officer')).get('/api/admin/scans')).body
    expect(counts).toMatchObject({ to: today, total: 4 })
    expect(counts.points.map((p: any) => [p.code, p.total, p.days])).toEqual([
      ['cs1', 3, [{ day: today, scans: 3 }]],
      ['cs2', 1, [{ day: today, scans: 1 }]],
    ])
    // The table holds a point, a day and a number: nothing that could name who scanned.
    const { rows } = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = 'entry_point_scans' order by ordinal_position`.execute(db().db)
    expect(rows.map((r) => r.column_name)).toEqual(['entry_point_id', 'day', 'scans'])
  })

  it('splits days by China time, keeps to the period and the caller\'s subtree, and checks the period', async () => {
    const c = await adminCast(db())
    // 23:30 and 00:30 in China on either side of 1 March.
    await countScan(db().db, 'cs1', new Date('2026-02-28T15:30:00Z'))
    await countScan(db().db, 'cs1', new Date('2026-02-28T16:30:00Z'))
    await countScan(db().db, 'cs2', new Date('2026-03-01T01:00:00Z'))
    const officer = await c.as('officer')
    const all = (await officer.get('/api/admin/scans?from=2026-02-01&to=2026-03-31')).body
    expect(all.points.map((p: any) => [p.code, p.days])).toEqual([
      ['cs1', [{ day: '2026-02-28', scans: 1 }, { day: '2026-03-01', scans: 1 }]],
      ['cs2', [{ day: '2026-03-01', scans: 1 }]],
    ])
    expect((await officer.get('/api/admin/scans?from=2026-03-01&to=2026-03-01')).body.total).toBe(2)
    // The first central station's officer sees its own point only.
    const own = (await (await c.as('officer1')).get('/api/admin/scans?from=2026-02-01&to=2026-03-31')).body
    expect(own.points.map((p: any) => p.code)).toEqual(['cs1'])
    // The whole area's officer may narrow to a unit, rolled up; a unit outside one's subtree is refused.
    const cs2 = (await sql<{ id: string }>`select id from org_units where name = '第二中心站'`.execute(db().db)).rows[0]!.id
    const narrowed = (await officer.get(`/api/admin/scans?from=2026-02-01&to=2026-03-31&unitId=${cs2}`)).body
    expect([narrowed.total, narrowed.points.map((p: any) => p.code)]).toEqual([1, ['cs2']])
    expect(outcome(await (await c.as('officer1')).get(`/api/admin/scans?unitId=${cs2}`))).toEqual([422, 'unit_not_found'])
    for (const q of ['from=2026-03-02&to=2026-03-01', 'from=2025-01-01&to=2026-03-01', 'from=2026-02-30', 'day=1', 'unitId=x']) {
      expect([q, ...outcome(await officer.get(`/api/admin/scans?${q}`))]).toEqual([q, 400, expect.stringMatching(/^invalid_(date|query)$/)])
    }
    expect(outcome(await (await c.as('handler')).get('/api/admin/scans'))).toEqual([403, 'forbidden'])
    expect(outcome(await c.anonymous('GET', '/api/admin/scans'))).toEqual([401, 'unauthenticated'])
  })
})
