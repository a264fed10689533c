import { expect, it } from 'vitest'
import { describeEachDialect } from '../../helpers/test-db'
import { adminCast, NOT_A_UUID, outcome, UNKNOWN_ID, type Who } from './fixtures'

const OTHER_ROLES: Who[] = ['admin', 'admin1', 'leader', 'handler', 'handler1']
const TEMPLATE = { title: '已转交', body: '您的意见已转交相关部门办理，请耐心等待。' }

describeEachDialect('/api/admin/templates', ({ db }) => {
  it("lets an officer write templates for its unit and read its own and its ancestors' units'", async () => {
    const c = await adminCast(db())
    const area = await c.as('officer')
    const cs1 = await c.as('officer1')
    const shared = await area.post('/api/admin/templates', TEMPLATE)
    expect(shared.status).toBe(201)
    expect(shared.body).toEqual({ id: expect.any(String), ...TEMPLATE })
    const own = await cs1.post('/api/admin/templates', { title: ' 面谈 ', body: '我们约您面对面谈一谈。\r\n' })
    expect(own.body).toEqual({ id: expect.any(String), title: '面谈', body: '我们约您面对面谈一谈。' })
    expect((await cs1.get('/api/admin/templates')).body.map((t: any) => t.title).sort()).toEqual(['已转交', '面谈'])
    // The area's union does not see wording a station kept for itself.
    expect((await area.get('/api/admin/templates')).body).toEqual([shared.body])
    const stored = await db().db.selectFrom('reply_templates').select(['unit_id', 'created_by']).where('id', '=', own.body.id).executeTakeFirstOrThrow()
    expect(stored).toEqual({ unit_id: c.units.cs1, created_by: c.ids.officer1.id })
  })

  it("deletes its own unit's templates; an ancestor's is 403, one it cannot see 404", async () => {
    const c = await adminCast(db())
    const area = await c.as('officer')
    const cs1 = await c.as('officer1')
    const above = (await area.post('/api/admin/templates', TEMPLATE)).body.id
    const below = (await cs1.post('/api/admin/templates', TEMPLATE)).body.id
    expect(outcome(await cs1.delete(`/api/admin/templates/${above}`))).toEqual([403, 'forbidden'])
    expect(outcome(await area.delete(`/api/admin/templates/${below}`))).toEqual([404, 'not_found'])
    expect(outcome(await cs1.delete(`/api/admin/templates/${UNKNOWN_ID}`))).toEqual([404, 'not_found'])
    expect(outcome(await cs1.delete(`/api/admin/templates/${NOT_A_UUID}`))).toEqual([404, 'not_found'])
    expect((await cs1.delete(`/api/admin/templates/${below}`)).status).toBe(204)
    expect((await area.delete(`/api/admin/templates/${above}`)).status).toBe(204)
    expect(await db().db.selectFrom('reply_templates').select('id').execute()).toEqual([])
  })

  it('refuses other roles (403) and no session (401) on every template route', async () => {
    const c = await adminCast(db())
    const id = (await (await c.as('officer')).post('/api/admin/templates', TEMPLATE)).body.id
    for (const who of OTHER_ROLES) {
      const s = await c.as(who)
      expect([who, ...outcome(await s.get('/api/admin/templates'))]).toEqual([who, 403, 'forbidden'])
      expect([who, ...outcome(await s.post('/api/admin/templates', TEMPLATE))]).toEqual([who, 403, 'forbidden'])
      expect([who, ...outcome(await s.delete(`/api/admin/templates/${id}`))]).toEqual([who, 403, 'forbidden'])
    }
    expect(outcome(await c.anonymous('GET', '/api/admin/templates'))).toEqual([401, 'unauthenticated'])
    expect(outcome(await c.anonymous('POST', '/api/admin/templates', TEMPLATE))).toEqual([401, 'unauthenticated'])
    expect(outcome(await c.anonymous('DELETE', `/api/admin/templates/${id}`))).toEqual([401, 'unauthenticated'])
    expect(await db().db.selectFrom('reply_templates').select('id').execute()).toHaveLength(1)
  })

  it('refuses bad templates with 400 and writes nothing', async () => {
    const c = await adminCast(db())
    const s = await c.as('officer')
    const bad: Array<[unknown, string]> = [
      [{ ...TEMPLATE, title: '' }, 'text_required'],
      [{ ...TEMPLATE, title: '题'.repeat(51) }, 'text_too_long'],
      [{ ...TEMPLATE, body: '字'.repeat(2001) }, 'text_too_long'],
      [{ ...TEMPLATE, body: 'a\u0000b' }, 'invalid_characters'],
      [{ title: '只有标题' }, 'missing_field'],
      [{ ...TEMPLATE, unitId: c.units.cs2 }, 'unknown_field'],
      ['not json', 'invalid_json'],
    ]
    for (const [input, code] of bad) expect(outcome(await s.post('/api/admin/templates', input))).toEqual([400, code])
    expect(await db().db.selectFrom('reply_templates').select('id').execute()).toEqual([])
  })
})
