import { expect, it } from 'vitest'
import { send } from '../../helpers/admin'
import { describeEachDialect } from '../../helpers/test-db'
import { adminCast, outcome, type AdminCast, type Who } from './fixtures'

const PATH = '/api/admin/entry-points/poster-text'

/** The title and footer each poster of the area's subtree prints, by code (null: the defaults). */
async function printed(c: AdminCast) {
  const res = await send(c.app, 'GET', `/api/admin/entry-points/posters?unitId=${c.units.area}`, { cookie: (await c.as('admin')).cookie, host: 'yijian.example.cn' })
  return Object.fromEntries(res.body.map((p: any) => [p.code, [p.title, p.footer]]))
}

describeEachDialect('/api/admin/entry-points/poster-text', ({ db }) => {
  it("lets an officer word its union's posters, which the posters below it print unless a nearer union words its own", async () => {
    const c = await adminCast(db())
    const officer = await c.as('officer')
    const none = { title: null, footer: null }
    expect((await officer.get(PATH)).body).toEqual({ own: none, inherited: none })
    const area = { title: ' 职工意见 码上提 ', footer: '艾家湾采油作业区工会委员会' }
    expect((await officer.put(PATH, area)).body).toEqual({ own: { title: '职工意见 码上提', footer: area.footer }, inherited: none })
    // The first central station's union sets only its own footer; its title follows the area's.
    const officer1 = await c.as('officer1')
    expect((await officer1.put(PATH, { title: null, footer: '第一中心站分工会' })).body).toEqual({
      own: { title: null, footer: '第一中心站分工会' },
      inherited: { title: '职工意见 码上提', footer: area.footer },
    })
    const byCode = await printed(c)
    expect(byCode['base-wall']).toEqual(['职工意见 码上提', area.footer])
    expect(byCode.cs1).toEqual(['职工意见 码上提', '第一中心站分工会'])
    expect(byCode.cs2).toEqual(['职工意见 码上提', area.footer])
    // null puts the defaults back.
    await officer.put(PATH, none)
    expect((await printed(c))['base-wall']).toEqual([null, null])
  })

  it('refuses other roles, no session, empty or too long text, and unknown fields, changing nothing', async () => {
    const c = await adminCast(db())
    const body = { title: '标题', footer: '落款' }
    for (const who of ['admin', 'leader', 'handler'] as Who[]) expect(outcome(await (await c.as(who)).put(PATH, body))).toEqual([403, 'forbidden'])
    for (const who of ['leader', 'handler'] as Who[]) expect(outcome(await (await c.as(who)).get(PATH))).toEqual([403, 'forbidden'])
    expect(outcome(await c.anonymous('PUT', PATH, body))).toEqual([401, 'unauthenticated'])
    const officer = await c.as('officer')
    const bad: Array<[unknown, string]> = [
      [{ ...body, title: '' }, 'text_required'],
      [{ ...body, title: '   ' }, 'text_required'],
      [{ ...body, title: '字'.repeat(41) }, 'text_too_long'],
      [{ ...body, footer: '字'.repeat(81) }, 'text_too_long'],
      [{ ...body, footer: 1 }, 'invalid_type'],
      [{ title: '标题' }, 'missing_field'],
      [{ ...body, color: 'red' }, 'unknown_field'],
    ]
    for (const [input, code] of bad) expect([input, ...outcome(await officer.put(PATH, input))]).toEqual([input, 400, code])
    const row = () => db().db.selectFrom('org_units').select(['poster_title', 'poster_footer']).where('id', '=', c.units.area).executeTakeFirstOrThrow()
    expect(await row()).toEqual({ poster_title: null, poster_footer: null })
    // At the limits, counted in characters as the database's check counts them.
    expect((await officer.put(PATH, { title: '字'.repeat(40), footer: '𠀀'.repeat(80) })).status).toBe(200)
    expect(await row()).toEqual({ poster_title: '字'.repeat(40), poster_footer: '𠀀'.repeat(80) })
  })
})
