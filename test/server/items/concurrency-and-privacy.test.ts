import { expect, it } from 'vitest'
import { createUser, login } from '../../helpers/admin'
import { testApp } from '../../helpers/test-app'
import { describeEachDialect } from '../../helpers/test-db'
import { cast, dayFromToday } from './fixtures'

describeEachDialect('items: concurrent officers, overdue, identity', ({ db }) => {
  it('lets one of two officers acting at once win; the other gets a clear 409', async () => {
    const { sessions, submit } = await cast(db())
    await createUser(db().db, 'officer3', 'officer')
    const other = await login(testApp(db()), 'officer3')
    const { id } = await submit()
    const version = (await sessions.officer.get(`/api/admin/items/${id}`)).body.version
    const [a, b] = await Promise.all([
      sessions.officer.post(`/api/admin/items/${id}/accept`, { version, summary: '甲的摘要' }),
      other.post(`/api/admin/items/${id}/decline`, { version, reason: '乙认为不属于工会职责' }),
    ])
    const statuses = [a.status, b.status].sort()
    expect(statuses).toEqual([200, 409])
    const loser = a.status === 409 ? a : b
    expect(loser.body.error.code).toBe('stale_version')
    expect(loser.body.error.message).toContain('刷新')
    const detail = await sessions.officer.get(`/api/admin/items/${id}`)
    // Exactly one transition happened.
    expect(detail.body.events.filter((e: any) => e.kind !== 'submit')).toHaveLength(1)
    expect(detail.body.version).toBe(version + 1)
  })

  it('refuses an action on a version the officer did not see', async () => {
    const { sessions, submit } = await cast(db())
    const { id } = await submit()
    const res = await sessions.officer.post(`/api/admin/items/${id}/accept`, { version: 7 })
    expect([res.status, res.body.error.code]).toEqual([409, 'stale_version'])
  })

  it('shows an item past its deadline as overdue to the union, the handler and the leader', async () => {
    const { ids, sessions, units, submit, act } = await cast(db())
    const late = await submit('井场道路坑洼需要平整')
    const onTime = await submit('值班室空调需要维修')
    for (const item of [late, onTime]) {
      await act(sessions.officer, item.id, 'accept')
      await act(sessions.officer, item.id, 'dispatch', { unitId: units.cs1, leaderId: ids.leader.id, responsibleId: ids.handler1.id, deadline: dayFromToday(1) })
    }
    await db().db.updateTable('assignments').set({ deadline: new Date(Date.now() - 3600_000) }).where('suggestion_id', '=', late.id).execute()
    for (const who of [sessions.officer, sessions.handler1, sessions.leader]) {
      const all = await who.get('/api/admin/items')
      expect(Object.fromEntries(all.body.items.map((i: any) => [i.id, i.overdue]))).toEqual({ [late.id]: true, [onTime.id]: false })
      const overdue = await who.get('/api/admin/items?overdue=1')
      expect(overdue.body.items.map((i: any) => i.id)).toEqual([late.id])
      const detail = await who.get(`/api/admin/items/${late.id}`)
      expect(detail.body.assignments[0].overdue).toBe(true)
    }
    expect((await sessions.officer.get('/api/admin/items/stats')).body.overdue).toBe(1)
    // Reporting ends the overdue state.
    const a = (await sessions.handler1.get(`/api/admin/items/${late.id}`)).body.assignments[0]
    await act(sessions.handler1, late.id, 'report', { assignmentId: a.id, outcome: 'cannot', text: '需要等明年预算' })
    expect((await sessions.officer.get('/api/admin/items?overdue=1')).body.items).toEqual([])
  })

  it('hides a named submitter from handlers and leaders until the union reveals it, and records that', async () => {
    const { ids, sessions, units, submit, act } = await cast(db())
    const { id } = await submit('班组长分配任务不公平', { anonymous: false, submitter: { name: '赵六', employeeNo: 'AJW-88', phone: '13900000000' } })
    await act(sessions.officer, id, 'accept')
    await act(sessions.officer, id, 'dispatch', { unitId: units.cs1, leaderId: ids.leader.id, responsibleId: ids.handler1.id, deadline: dayFromToday(5) })
    expect((await sessions.officer.get(`/api/admin/items/${id}`)).body.submitter).toEqual({ name: '赵六', employeeNo: 'AJW-88', phone: '13900000000' })
    for (const who of [sessions.handler1, sessions.leader]) {
      const detail = await who.get(`/api/admin/items/${id}`)
      expect(detail.body.submitter).toBe('hidden')
      expect(JSON.stringify(detail.body)).not.toContain('赵六')
      expect(JSON.stringify((await who.get('/api/admin/items')).body)).not.toContain('赵六')
    }
    const reveal = await sessions.officer.post(`/api/admin/items/${id}/reveal`, { userId: ids.handler1.id, reason: '需要站长当面了解情况' })
    expect(reveal.status).toBe(200)
    expect((await sessions.handler1.get(`/api/admin/items/${id}`)).body.submitter).toMatchObject({ name: '赵六' })
    expect((await sessions.leader.get(`/api/admin/items/${id}`)).body.submitter).toBe('hidden')
    const events = (await sessions.officer.get(`/api/admin/items/${id}`)).body.events
    expect(events.at(-1)).toMatchObject({ kind: 'reveal', isPublic: false, note: '需要站长当面了解情况', actor: { name: '工会干事小王' }, data: { userId: ids.handler1.id } })
    // Handlers cannot reveal.
    const byHandler = await sessions.handler1.post(`/api/admin/items/${id}/reveal`, { userId: ids.leader.id, reason: '想让领导知道' })
    expect(byHandler.status).toBe(403)
  })

  it('has no identity to reveal on an anonymous item', async () => {
    const { ids, sessions, submit } = await cast(db())
    const { id } = await submit()
    const res = await sessions.officer.post(`/api/admin/items/${id}/reveal`, { userId: ids.handler1.id, reason: '面谈' })
    expect([res.status, res.body.error.code]).toEqual([409, 'not_revealable'])
    expect((await sessions.officer.get(`/api/admin/items/${id}`)).body.submitter).toBeNull()
  })
})
