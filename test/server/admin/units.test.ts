import { workerItem } from '../../helpers/worker-item'
import { expect, it } from 'vitest'
import { postJson } from '../../helpers/test-app'
import { describeEachDialect } from '../../helpers/test-db'
import { adminCast, NOT_A_UUID, outcome, UNKNOWN_ID, type AdminCast, type Who } from './fixtures'

const OTHER_ROLES: Who[] = ['officer', 'leader', 'handler', 'officer1', 'handler1']

describeEachDialect('/api/admin/units', ({ db }) => {
  it('lists the caller subtree to every role, each unit followed by its children in order', async () => {
    const c = await adminCast(db())
    const all = await (await c.as('officer')).get('/api/admin/units')
    expect(all.status).toBe(200)
    expect(all.body).toHaveLength(1 + 5 + 3 + 16)
    expect(all.body.slice(0, 3).map((u: any) => u.name)).toEqual(['艾家湾采油作业区', '综合办公室', '生产运行室'])
    const cs1 = all.body.findIndex((u: any) => u.name === '第一中心站')
    expect(all.body.slice(cs1, cs1 + 3).map((u: any) => u.name)).toEqual(['第一中心站', '艾一站', '艾二站'])
    expect(all.body[cs1 + 1]).toEqual({
      id: c.units.s1,
      parentId: c.units.cs1,
      kind: 'station',
      name: '艾一站',
      sort: 0,
      path: ['艾家湾采油作业区', '第一中心站', '艾一站'],
    })
    for (const who of ['admin1', 'handler1', 'handler2'] as Who[]) {
      const res = await (await c.as(who)).get('/api/admin/units')
      expect(res.status).toBe(200)
      const names = res.body.map((u: any) => u.name)
      if (who === 'admin1') expect(names).toEqual(['第一中心站', '艾一站', '艾二站', '艾三站', '艾四站', '艾五站', '艾六站'])
      if (who === 'handler1') expect(names).toEqual(['艾一站'])
      if (who === 'handler2') expect(names).toEqual(['第二中心站', '艾七站', '艾八站', '艾九站', '艾十站', '艾十一站'])
    }
    expect(outcome(await c.anonymous('GET', '/api/admin/units'))).toEqual([401, 'unauthenticated'])
  })

  it('creates a unit under a parent in scope, with its path of names', async () => {
    const c = await adminCast(db())
    const res = await (await c.as('admin1')).post('/api/admin/units', { parentId: c.units.s1, name: ' 艾一站维修班 ', kind: 'team', sort: 3 })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ parentId: c.units.s1, name: '艾一站维修班', kind: 'team', sort: 3, path: ['艾家湾采油作业区', '第一中心站', '艾一站', '艾一站维修班'] })
    const row = await db().db.selectFrom('org_units').select('path').where('id', '=', res.body.id).executeTakeFirstOrThrow()
    const parent = await db().db.selectFrom('org_units').select('path').where('id', '=', c.units.s1).executeTakeFirstOrThrow()
    expect(row.path).toBe(`${parent.path}${res.body.id}/`)
    // The station's handler now sees it in its own subtree.
    expect((await (await c.as('handler1')).get('/api/admin/units')).body.map((u: any) => u.name)).toEqual(['艾一站', '艾一站维修班'])
  })

  it('refuses to create: other roles 403, no session 401, parent out of scope 422, taken name 409, bad input 400', async () => {
    const c = await adminCast(db())
    const body = { parentId: c.units.cs1, name: '新班组', kind: 'team' }
    for (const who of OTHER_ROLES) expect(outcome(await (await c.as(who)).post('/api/admin/units', body))).toEqual([403, 'forbidden'])
    expect(outcome(await c.anonymous('POST', '/api/admin/units', body))).toEqual([401, 'unauthenticated'])
    const admin1 = await c.as('admin1')
    expect(outcome(await admin1.post('/api/admin/units', { ...body, parentId: c.units.cs2 }))).toEqual([422, 'unit_not_found'])
    expect(outcome(await admin1.post('/api/admin/units', { ...body, parentId: c.units.area }))).toEqual([422, 'unit_not_found'])
    expect(outcome(await admin1.post('/api/admin/units', { ...body, parentId: UNKNOWN_ID }))).toEqual([422, 'unit_not_found'])
    expect(outcome(await admin1.post('/api/admin/units', { ...body, name: '艾二站' }))).toEqual([409, 'unit_name_taken'])
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ ...body, name: '' }, 'text_required'],
      [{ ...body, name: '站'.repeat(101) }, 'text_too_long'],
      [{ ...body, kind: 'castle' }, 'invalid_request'],
      [{ ...body, sort: 1.5 }, 'invalid_request'],
      [{ ...body, sort: 2147483648 }, 'invalid_request'],
      [{ ...body, sort: -2147483649 }, 'invalid_request'],
      [{ ...body, sort: 1e308 }, 'invalid_request'],
      [{ ...body, parentId: null }, 'invalid_type'],
      [{ name: '新班组', kind: 'team' }, 'missing_field'],
      [{ ...body, path: '/' }, 'unknown_field'],
    ]
    for (const [input, code] of bad) expect(outcome(await admin1.post('/api/admin/units', input))).toEqual([400, code])
    expect(await db().db.selectFrom('org_units').select('id').where('name', '=', '新班组').execute()).toEqual([])
  })

  it('tells sibling names apart as people read them: hidden characters refused, width, case and spaces ignored', async () => {
    const c = await adminCast(db())
    const admin1 = await c.as('admin1')
    const body = { parentId: c.units.cs1, kind: 'team' }
    for (const name of ['艾二站\u200b', '\u202e站二艾', '艾\u2060二站', '艾\ufeff二站', '艾二\t站', '艾二\n站', '\u00ad艾二站']) {
      expect([name, ...outcome(await admin1.post('/api/admin/units', { ...body, name }))]).toEqual([name, 400, 'invalid_characters'])
    }
    for (const name of ['艾二站\u3000', ' 艾二站', '艾二站\u00a0']) {
      expect([name, ...outcome(await admin1.post('/api/admin/units', { ...body, name }))]).toEqual([name, 409, 'unit_name_taken'])
    }
    expect(outcome(await admin1.post('/api/admin/units', { ...body, name: 'A班  组' }))).toEqual([201, 'ok'])
    for (const name of ['Ａ班 组', 'a班 组', 'A班\u3000组']) {
      expect([name, ...outcome(await admin1.post('/api/admin/units', { ...body, name }))]).toEqual([name, 409, 'unit_name_taken'])
    }
    // Stored as typed, with its spaces made one.
    expect(await db().db.selectFrom('org_units').select('name').where('parent_id', '=', c.units.cs1).where('kind', '=', 'team').execute()).toEqual([{ name: 'A班 组' }])
  })

  it('renames and re-sorts a unit in scope; out of scope or unknown is 404, a sibling name 409', async () => {
    const c = await adminCast(db())
    const admin1 = await c.as('admin1')
    const res = await admin1.patch(`/api/admin/units/${c.units.s1}`, { name: '艾一增压站', sort: 9, kind: 'station' })
    expect(res.body).toMatchObject({ id: c.units.s1, name: '艾一增压站', sort: 9, path: ['艾家湾采油作业区', '第一中心站', '艾一增压站'] })
    expect(outcome(await admin1.patch(`/api/admin/units/${c.units.s1}`, { name: '艾二站' }))).toEqual([409, 'unit_name_taken'])
    expect(outcome(await admin1.patch(`/api/admin/units/${c.units.s1}`, { name: '艾一增压站' }))).toEqual([200, 'ok'])
    expect(outcome(await admin1.patch(`/api/admin/units/${c.units.s7}`, { name: 'x' }))).toEqual([404, 'not_found'])
    expect(outcome(await admin1.patch(`/api/admin/units/${c.units.area}`, { name: 'x' }))).toEqual([404, 'not_found'])
    expect(outcome(await admin1.patch(`/api/admin/units/${UNKNOWN_ID}`, { name: 'x' }))).toEqual([404, 'not_found'])
    expect(outcome(await admin1.patch(`/api/admin/units/${NOT_A_UUID}`, { name: 'x' }))).toEqual([404, 'not_found'])
    expect(outcome(await admin1.patch(`/api/admin/units/${c.units.s1}`, { parentId: c.units.cs1 }))).toEqual([400, 'unknown_field'])
    for (const who of OTHER_ROLES) {
      expect(outcome(await (await c.as(who)).patch(`/api/admin/units/${c.units.s1}`, { name: 'x' }))).toEqual([403, 'forbidden'])
    }
    expect(outcome(await c.anonymous('PATCH', `/api/admin/units/${c.units.s1}`, { name: 'x' }))).toEqual([401, 'unauthenticated'])
    expect((await db().db.selectFrom('org_units').select('name').where('id', '=', c.units.s7).executeTakeFirstOrThrow()).name).toBe('艾七站')
  })

  it('deletes an empty unit; other roles 403, no session 401, out of scope 404', async () => {
    const c = await adminCast(db())
    const admin1 = await c.as('admin1')
    const unit = (await admin1.post('/api/admin/units', { parentId: c.units.s1, name: '临时班组', kind: 'team' })).body
    for (const who of OTHER_ROLES) expect(outcome(await (await c.as(who)).delete(`/api/admin/units/${unit.id}`))).toEqual([403, 'forbidden'])
    expect(outcome(await c.anonymous('DELETE', `/api/admin/units/${unit.id}`))).toEqual([401, 'unauthenticated'])
    expect(outcome(await admin1.delete(`/api/admin/units/${c.units.s7}`))).toEqual([404, 'not_found'])
    expect(outcome(await admin1.delete(`/api/admin/units/${NOT_A_UUID}`))).toEqual([404, 'not_found'])
    const res = await admin1.delete(`/api/admin/units/${unit.id}`)
    expect(res.status).toBe(204)
    expect(outcome(await admin1.delete(`/api/admin/units/${unit.id}`))).toEqual([404, 'not_found'])
    expect(await db().db.selectFrom('org_units').select('id').where('id', '=', unit.id).execute()).toEqual([])
  })

  it('refuses to delete a unit with sub-units, people, QR codes, items or dispatches (409)', async () => {
    const c = await adminCast(db())
    const admin = await c.as('admin')
    const del = async (id: string) => outcome(await admin.delete(`/api/admin/units/${id}`))
    expect(await del(c.units.cs2)).toEqual([409, 'unit_not_empty'])
    expect(await del(c.units.area)).toEqual([409, 'unit_not_empty'])
    expect(await del(c.units.office)).toEqual([409, 'unit_not_empty'])
    const empty = async (name: string) => (await admin.post('/api/admin/units', { parentId: c.units.cs2, name, kind: 'team' })).body.id as string
    const withQr = await empty('有二维码的班组')
    await admin.post('/api/admin/entry-points', { code: 'team-qr', name: '班组二维码', unitId: withQr })
    expect(await del(withQr)).toEqual([409, 'unit_not_empty'])
    // An item received at a unit keeps it even after its QR code moves away.
    await submitAt(c, 'team-qr')
    const qr = (await admin.get('/api/admin/entry-points')).body.find((e: any) => e.code === 'team-qr')
    await admin.patch(`/api/admin/entry-points/${qr.id}`, { unitId: c.units.cs2 })
    expect(await del(withQr)).toEqual([409, 'unit_not_empty'])
    const dispatched = await empty('有交办任务的班组')
    const item = await db().db.selectFrom('suggestions').select('id').executeTakeFirstOrThrow()
    await db()
      .db.insertInto('assignments')
      .values({ suggestion_id: item.id, unit_id: dispatched, leader_id: c.ids.leader.id, responsible_id: c.ids.handler2.id, deadline: new Date(), created_by: c.ids.officer.id })
      .execute()
    expect(await del(dispatched)).toEqual([409, 'unit_not_empty'])
    expect(await db().db.selectFrom('org_units').select('id').where('id', 'in', [withQr, dispatched, c.units.cs2]).execute()).toHaveLength(3)
  })
})

async function submitAt(c: AdminCast, entryPoint: string) {
  const item = workerItem('班组的意见内容', { entryPoint, category: 'other' })
  const res = await postJson(c.app, '/api/suggestions', { items: [item] })
  if (res.status !== 201) throw new Error(`submit failed: ${JSON.stringify(res.body)}`)
}
