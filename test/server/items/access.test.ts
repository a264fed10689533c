import { expect, it } from 'vitest'
import { send } from '../../helpers/admin'
import { describeEachDialect } from '../../helpers/test-db'
import { cast, dayFromToday, type Cast } from './fixtures'

type Who = 'officer' | 'leader' | 'handler1' | 'handler2' | 'admin' | 'officer2'
type Expect = 200 | 403 | 404

/**
 * Every role against every item route, on an item from the first central station that was
 * dispatched to it. handler2, officer2 (second central station) are out of its subtree.
 */
const MATRIX: Array<{ route: string; body?: (c: Cast, ctx: Ctx) => Record<string, unknown>; expect: Record<Who, Expect> }> = [
  { route: 'GET list', expect: { officer: 200, leader: 200, handler1: 200, handler2: 200, admin: 403, officer2: 200 } },
  { route: 'GET stats', expect: { officer: 200, leader: 200, handler1: 200, handler2: 200, admin: 403, officer2: 200 } },
  { route: 'GET detail', expect: { officer: 200, leader: 200, handler1: 200, handler2: 404, admin: 403, officer2: 404 } },
  { route: 'note', body: () => ({ text: '备注' }), expect: { officer: 200, leader: 200, handler1: 200, handler2: 404, admin: 403, officer2: 404 } },
  { route: 'classify', body: () => ({ tags: ['标签'] }), expect: { officer: 200, leader: 403, handler1: 403, handler2: 403, admin: 403, officer2: 404 } },
  { route: 'reveal', body: (c) => ({ userId: c.ids.handler1.id, reason: '面谈' }), expect: { officer: 409, leader: 403, handler1: 403, handler2: 403, admin: 403, officer2: 404 } as any },
  { route: 'report', body: (_c, ctx) => ({ assignmentId: ctx.assignmentId, outcome: 'completed', text: '已办' }), expect: { officer: 200, leader: 403, handler1: 200, handler2: 404, admin: 403, officer2: 404 } },
  { route: 'dispatch', body: (c) => ({ unitId: c.units.cs1, leaderId: c.ids.leader.id, responsibleId: c.ids.handler1.id, deadline: dayFromToday(3) }), expect: { officer: 200, leader: 403, handler1: 403, handler2: 403, admin: 403, officer2: 404 } },
  { route: 'reply', body: () => ({ text: '答复', channel: 'app' }), expect: { officer: 409, leader: 403, handler1: 403, handler2: 403, admin: 403, officer2: 404 } as any },
  { route: 'close', expect: { officer: 409, leader: 403, handler1: 403, handler2: 403, admin: 403, officer2: 404 } as any },
  { route: 'reopen', body: () => ({ reason: '重新处理' }), expect: { officer: 409, leader: 403, handler1: 403, handler2: 403, admin: 403, officer2: 404 } as any },
  { route: 'decline', body: () => ({ reason: '理由' }), expect: { officer: 409, leader: 403, handler1: 403, handler2: 403, admin: 403, officer2: 404 } as any },
  { route: 'merge', body: (_c, ctx) => ({ into: ctx.otherId }), expect: { officer: 409, leader: 403, handler1: 403, handler2: 403, admin: 403, officer2: 404 } as any },
  { route: 'accept', expect: { officer: 409, leader: 403, handler1: 403, handler2: 403, admin: 403, officer2: 404 } as any },
]

interface Ctx {
  id: string
  otherId: string
  assignmentId: string
}

describeEachDialect('access to item routes, role by role', ({ db }) => {
  /** A fresh item from the first central station, accepted and dispatched to it. */
  async function dispatchedItem(c: Cast): Promise<Ctx> {
    const { id } = await c.submit('一站的意见：值班室漏雨')
    const other = await c.submit('另一条意见：值班室漏雨')
    await c.act(c.sessions.officer, id, 'accept')
    const d = await c.act(c.sessions.officer, id, 'dispatch', { unitId: c.units.cs1, leaderId: c.ids.leader.id, responsibleId: c.ids.handler1.id, deadline: dayFromToday(3) })
    return { id, otherId: other.id, assignmentId: d.body.assignments[0].id }
  }

  async function setUp() {
    const c = await cast(db())
    return { c, ctx: await dispatchedItem(c) }
  }

  for (const row of MATRIX) {
    it(`${row.route}: ${Object.entries(row.expect).map(([w, s]) => `${w} ${s}`).join(', ')}, anonymous 401`, async () => {
      const { c, ctx: first } = await setUp()
      const results: Record<string, number> = {}
      let ctx = first
      for (const who of Object.keys(row.expect) as Who[]) {
        const s = c.sessions[who]
        // A role that may change the item gets its own, so it does not change it for the next.
        if (row.expect[who] === 200 && !row.route.startsWith('GET')) ctx = await dispatchedItem(c)
        let res
        if (row.route === 'GET list') res = await s.get('/api/admin/items')
        else if (row.route === 'GET stats') res = await s.get('/api/admin/items/stats')
        else if (row.route === 'GET detail') res = await s.get(`/api/admin/items/${ctx.id}`)
        else {
          // Each role acts on a fresh view of the item, so a version mismatch never hides a refusal.
          const version = (await c.sessions.officer.get(`/api/admin/items/${ctx.id}`)).body.version
          res = await s.post(`/api/admin/items/${ctx.id}/${row.route}`, { ...(row.body?.(c, ctx) ?? {}), version })
        }
        results[who] = res.status
        if (res.status === 404) expect(res.body.error.code).toBe('not_found')
        if (res.status === 403) expect(res.body.error.code).toBe('forbidden')
      }
      expect(results).toEqual(row.expect)
      const path = row.route.startsWith('GET')
        ? { 'GET list': '/api/admin/items', 'GET stats': '/api/admin/items/stats', 'GET detail': `/api/admin/items/${ctx.id}` }[row.route]!
        : `/api/admin/items/${ctx.id}/${row.route}`
      const anonymous = await send(c.app, row.route.startsWith('GET') ? 'GET' : 'POST', path, { origin: 'http://localhost', host: 'localhost' }, row.route.startsWith('GET') ? undefined : {})
      expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'unauthenticated'])
    })
  }

  it('lists for each reviewer only what is theirs: no leak of other subtrees', async () => {
    const { c, ctx } = await setUp()
    const ids = async (who: Who) => ((await c.sessions[who].get('/api/admin/items')).body.items as any[]).map((i) => i.id).sort()
    expect(await ids('officer')).toEqual([ctx.id, ctx.otherId].sort())
    expect(await ids('handler1')).toEqual([ctx.id])
    expect(await ids('leader')).toEqual([ctx.id])
    expect(await ids('handler2')).toEqual([])
    expect(await ids('officer2')).toEqual([])
    const missing = await c.sessions.officer.get('/api/admin/items/01900000-0000-7000-8000-000000000000')
    const foreign = await c.sessions.officer2.get(`/api/admin/items/${ctx.id}`)
    expect(foreign.body).toEqual(missing.body)
    // The id in capitals is the same item (it was a 404 while this route had its own case-bound pattern).
    expect((await c.sessions.officer.get(`/api/admin/items/${ctx.id.toUpperCase()}`)).body.id).toBe(ctx.id)
  })
})
