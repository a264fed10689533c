import { expect, it } from 'vitest'
import { describeEachDialect } from '../../helpers/test-db'
import { adminCast, outcome, type Who } from './fixtures'

describeEachDialect('/api/admin/reply-promise', ({ db }) => {
  it('lets an officer set its union\'s promised days to answer, which the worker then reads for every place below', async () => {
    const c = await adminCast(db())
    const officer = await c.as('officer')
    expect((await officer.get('/api/admin/reply-promise')).body).toEqual({ days: 7, inherited: null })
    expect(outcome(await officer.put('/api/admin/reply-promise', { days: 5 }))).toEqual([200, 'ok'])
    const place = await c.app.request('/api/entry-points/cs1')
    expect((await place.json()).replyWithinDays).toBe(5)
    // A central station's union may promise its own time; without one it follows the area's.
    const officer1 = await c.as('officer1')
    expect((await officer1.get('/api/admin/reply-promise')).body).toEqual({ days: null, inherited: 5 })
    await officer1.put('/api/admin/reply-promise', { days: 3 })
    expect((await (await c.app.request('/api/entry-points/cs1')).json()).replyWithinDays).toBe(3)
    expect((await (await c.app.request('/api/entry-points/base-wall')).json()).replyWithinDays).toBe(5)
    await officer.put('/api/admin/reply-promise', { days: null })
    expect((await (await c.app.request('/api/entry-points/base-wall')).json()).replyWithinDays).toBeNull()
  })

  it('refuses other roles, no session, and days outside 1 to 365', async () => {
    const c = await adminCast(db())
    for (const who of ['admin', 'leader', 'handler'] as Who[]) expect(outcome(await (await c.as(who)).put('/api/admin/reply-promise', { days: 3 }))).toEqual([403, 'forbidden'])
    expect(outcome(await c.anonymous('PUT', '/api/admin/reply-promise', { days: 3 }))).toEqual([401, 'unauthenticated'])
    const officer = await c.as('officer')
    for (const days of [0, 366, 1.5, '3', -1, 2147483648]) {
      expect([days, ...outcome(await officer.put('/api/admin/reply-promise', { days }))]).toEqual([days, 400, expect.any(String)])
    }
    expect((await officer.get('/api/admin/reply-promise')).body.days).toBe(7)
  })
})
