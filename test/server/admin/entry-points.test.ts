import { expect, it } from 'vitest'
import { createApp } from '../../../server/app'
import { qrSvg } from '../../../server/domain/qr-svg'
import { login, send } from '../../helpers/admin'
import { describeEachDialect } from '../../helpers/test-db'
import { adminCast, NOT_A_UUID, outcome, UNKNOWN_ID, type Who } from './fixtures'

const OTHER_ROLES: Who[] = ['officer', 'leader', 'handler', 'officer1', 'handler1']

describeEachDialect('/api/admin/entry-points', ({ db }) => {
  it('lists the QR entry points of the subtree to admins and officers, with their poster link', async () => {
    const c = await adminCast(db())
    for (const who of ['admin', 'officer'] as Who[]) {
      const res = await (await c.as(who)).get('/api/admin/entry-points')
      expect(res.status).toBe(200)
      expect(res.body.map((e: any) => e.code)).toEqual(['base-canteen', 'base-grid', 'base-wall', 'cs1', 'cs2', 'cs3'])
    }
    for (const who of ['admin1', 'officer1'] as Who[]) {
      const res = await (await c.as(who)).get('/api/admin/entry-points')
      expect(res.body).toEqual([
        {
          id: expect.any(String),
          code: 'cs1',
          name: '第一中心站生活点文化墙',
          unit: { id: c.units.cs1, name: '第一中心站', path: ['艾家湾采油作业区', '第一中心站'] },
          active: true,
          link: '/?s=cs1',
        },
      ])
    }
    for (const who of ['leader', 'handler', 'handler1', 'handler2'] as Who[]) {
      expect(outcome(await (await c.as(who)).get('/api/admin/entry-points'))).toEqual([403, 'forbidden'])
    }
    expect(outcome(await c.anonymous('GET', '/api/admin/entry-points'))).toEqual([401, 'unauthenticated'])
  })

  it('creates an entry point the public form knows at once', async () => {
    const c = await adminCast(db())
    const res = await (await c.as('admin1')).post('/api/admin/entry-points', { code: 'ai1-wall', name: '艾一站值班室', unitId: c.units.s1 })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ code: 'ai1-wall', name: '艾一站值班室', unit: { id: c.units.s1 }, active: true, link: '/?s=ai1-wall' })
    const pub = await send(c.app, 'GET', '/api/entry-points/ai1-wall', {})
    expect(pub.body).toMatchObject({ code: 'ai1-wall', unitPath: ['艾家湾采油作业区', '第一中心站', '艾一站'] })
  })

  it('refuses to create: other roles 403, no session 401, unit out of scope 422, taken code 409, bad input 400', async () => {
    const c = await adminCast(db())
    const body = { code: 'new-qr', name: '新二维码', unitId: c.units.cs1 }
    for (const who of OTHER_ROLES) expect(outcome(await (await c.as(who)).post('/api/admin/entry-points', body))).toEqual([403, 'forbidden'])
    expect(outcome(await c.anonymous('POST', '/api/admin/entry-points', body))).toEqual([401, 'unauthenticated'])
    const admin1 = await c.as('admin1')
    expect(outcome(await admin1.post('/api/admin/entry-points', { ...body, unitId: c.units.cs2 }))).toEqual([422, 'unit_not_found'])
    expect(outcome(await admin1.post('/api/admin/entry-points', { ...body, unitId: UNKNOWN_ID }))).toEqual([422, 'unit_not_found'])
    // Codes are printed on posters and must be unique everywhere, out of scope too.
    expect(outcome(await admin1.post('/api/admin/entry-points', { ...body, code: 'cs2' }))).toEqual([409, 'entry_point_code_taken'])
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ ...body, code: '二维码' }, 'invalid_request'],
      [{ ...body, code: 'x'.repeat(33) }, 'invalid_request'],
      [{ ...body, name: '' }, 'text_required'],
      [{ ...body, active: false }, 'unknown_field'],
      [{ code: 'new-qr' }, 'missing_field'],
    ]
    for (const [input, code] of bad) expect(outcome(await admin1.post('/api/admin/entry-points', input))).toEqual([400, code])
    expect(await db().db.selectFrom('entry_points').select('id').where('code', '=', 'new-qr').execute()).toEqual([])
  })

  it('renames, moves and deactivates an entry point; the public form then refuses its code', async () => {
    const c = await adminCast(db())
    const admin1 = await c.as('admin1')
    const [cs1] = (await admin1.get('/api/admin/entry-points')).body
    const res = await admin1.patch(`/api/admin/entry-points/${cs1.id}`, { name: '一站生活点', unitId: c.units.s1, active: false })
    expect(res.body).toMatchObject({ id: cs1.id, code: 'cs1', name: '一站生活点', unit: { id: c.units.s1 }, active: false })
    expect(outcome(await send(c.app, 'GET', '/api/entry-points/cs1', {}))).toEqual([404, 'entry_point_not_found'])
    expect(outcome(await admin1.patch(`/api/admin/entry-points/${cs1.id}`, { unitId: c.units.cs2 }))).toEqual([422, 'unit_not_found'])
    expect(outcome(await admin1.patch(`/api/admin/entry-points/${cs1.id}`, { code: 'x' }))).toEqual([400, 'unknown_field'])
    expect(outcome(await admin1.patch(`/api/admin/entry-points/${cs1.id}`, { active: 'no' }))).toEqual([400, 'invalid_type'])
  })

  it('refuses updates: other roles 403, no session 401, out of scope or unknown 404', async () => {
    const c = await adminCast(db())
    const all = (await (await c.as('admin')).get('/api/admin/entry-points')).body
    const cs2 = all.find((e: any) => e.code === 'cs2').id
    const cs1 = all.find((e: any) => e.code === 'cs1').id
    const admin1 = await c.as('admin1')
    expect(outcome(await admin1.patch(`/api/admin/entry-points/${cs2}`, { active: false }))).toEqual([404, 'not_found'])
    expect(outcome(await admin1.patch(`/api/admin/entry-points/${UNKNOWN_ID}`, { active: false }))).toEqual([404, 'not_found'])
    expect(outcome(await admin1.patch(`/api/admin/entry-points/${NOT_A_UUID}`, { active: false }))).toEqual([404, 'not_found'])
    for (const who of OTHER_ROLES) {
      expect(outcome(await (await c.as(who)).patch(`/api/admin/entry-points/${cs1}`, { active: false }))).toEqual([403, 'forbidden'])
    }
    expect(outcome(await c.anonymous('PATCH', `/api/admin/entry-points/${cs1}`, { active: false }))).toEqual([401, 'unauthenticated'])
    const rows = await db().db.selectFrom('entry_points').select('active').where('id', 'in', [cs1, cs2]).execute()
    expect(rows.every((r) => r.active)).toBe(true)
  })

  it('draws the poster QR code as SVG for the absolute address, to admins and officers of its subtree', async () => {
    const c = await adminCast(db())
    const [cs1] = (await (await c.as('officer1')).get('/api/admin/entry-points')).body
    const res = await c.app.request(`http://yijian.example.cn/api/admin/entry-points/${cs1.id}/qr.svg`, {
      headers: { cookie: (await c.as('officer1')).cookie, host: 'yijian.example.cn' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    const svg = await res.text()
    expect(svg).toBe(qrSvg('http://yijian.example.cn/?s=cs1', '第一中心站生活点文化墙'))
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 (\d+) \1"/)
    expect(qrSvg('http://localhost/?s=cs1', 'x')).not.toBe(qrSvg('http://yijian.example.cn/?s=cs1', 'x'))
    const qr = async (who: Who, id = cs1.id) =>
      outcome(await send(c.app, 'GET', `/api/admin/entry-points/${id}/qr.svg`, { cookie: (await c.as(who)).cookie, host: 'yijian.example.cn' }))
    expect(await qr('admin')).toEqual([200, 'ok'])
    expect(await qr('handler1')).toEqual([403, 'forbidden'])
    expect(await qr('leader')).toEqual([403, 'forbidden'])
    expect(await qr('admin1', UNKNOWN_ID)).toEqual([404, 'not_found'])
    const cs2 = (await (await c.as('admin')).get('/api/admin/entry-points')).body.find((e: any) => e.code === 'cs2').id
    expect(await qr('officer1', cs2)).toEqual([404, 'not_found'])
    expect(outcome(await c.anonymous('GET', `/api/admin/entry-points/${cs1.id}/qr.svg`))).toEqual([401, 'unauthenticated'])
  })

  it('puts the configured public origin in the QR code', async () => {
    const c = await adminCast(db())
    const app = createApp({ db: db().db, dialect: db().dialect, network: { publicOrigin: 'https://yijian.example.cn' } })
    const s = await login(c.app, 'admin')
    const [first] = (await s.get('/api/admin/entry-points')).body
    const res = await send(app, 'GET', `/api/admin/entry-points/${first.id}/qr.svg`, { cookie: s.cookie })
    expect(res.body).toBe(qrSvg(`https://yijian.example.cn/?s=${first.code}`, first.name))
  })
})
