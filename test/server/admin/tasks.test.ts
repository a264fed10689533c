import { expect, it } from 'vitest'
import { dayEnd } from '../../../shared/time'
import { TASKS_MAX } from '../../../server/domain/items/tasks'
import { unitId } from '../../helpers/admin'
import { describeEachDialect } from '../../helpers/test-db'
import { cast, dayFromToday, type Cast } from '../items/fixtures'
import { outcome } from './fixtures'

/** An item accepted with `summary` and dispatched to each of `to` (unit, responsible person, days from today). */
async function dispatched(c: Cast, content: string, summary: string | null, to: Array<[unitId: string, responsibleId: string, days: number]>, extra: Record<string, unknown> = {}) {
  const { id } = await c.submit(content, extra)
  expect((await c.act(c.sessions.officer, id, 'accept', summary ? { summary } : {})).status).toBe(200)
  const assignments: string[] = []
  for (const [unitId, responsibleId, days] of to) {
    const res = await c.act(c.sessions.officer, id, 'dispatch', { unitId, leaderId: c.ids.leader.id, responsibleId, deadline: dayFromToday(days), instructions: '请按期办理' })
    expect(res.status).toBe(200)
    assignments.push(res.body.assignments.at(-1).id)
  }
  return { id, assignments }
}

describeEachDialect('GET /api/admin/tasks', ({ db }) => {
  it('lists a handler’s open dispatches soonest deadline first, the overdue one leading, with days left in China days', async () => {
    const c = await cast(db())
    const later = await dispatched(c, '一站值班室的空调制冷效果差', '值班室空调', [[c.units.cs1, c.ids.handler1.id, 7]])
    const today = await dispatched(c, '一站宿舍的热水器坏了一个星期了', null, [[c.units.cs1, c.ids.handler1.id, 0]])
    const late = await dispatched(c, '一站到基地的班车经常晚点', '班车晚点', [[c.units.cs1, c.ids.handler1.id, 2]])
    // Three days past its deadline without a report.
    await db().db.updateTable('assignments').set({ deadline: dayEnd(dayFromToday(-3)) }).where('id', '=', late.assignments[0]!).execute()

    const res = await c.sessions.handler1.get('/api/admin/tasks')
    expect(res.status).toBe(200)
    expect(res.body.more).toBe(false)
    expect(res.body.tasks.map((t: any) => [t.itemId, t.daysLeft])).toEqual([
      [late.id, -3],
      [today.id, 0],
      [later.id, 7],
    ])
    expect(res.body.tasks[0]).toMatchObject({
      assignmentId: late.assignments[0],
      number: expect.stringMatching(/^YJ-\d{4}-\d{4}$/),
      category: 'livelihood',
      summary: '班车晚点',
      unit: { id: c.units.cs1, name: '第一中心站' },
      leader: { id: c.ids.leader.id, displayName: '李主任' },
      responsible: { id: c.ids.handler1.id, displayName: '一站站长' },
      instructions: '请按期办理',
      status: 'dispatched',
      mayReport: true,
    })
    // Without the union's summary, the start of the content.
    expect(res.body.tasks[1].summary).toBe('一站宿舍的热水器坏了一个星期了')
    // The leader supervises all three, and may not report.
    const leader = await c.sessions.leader.get('/api/admin/tasks')
    expect(leader.body.tasks.map((t: any) => [t.itemId, t.mayReport])).toEqual([
      [late.id, false],
      [today.id, false],
      [later.id, false],
    ])
  })

  it('shows a handler only their own unit’s dispatches, and drops a dispatch once it is reported', async () => {
    const c = await cast(db())
    const both = await dispatched(c, '两个中心站之间的道路坑洼', '道路坑洼', [
      [c.units.cs1, c.ids.handler1.id, 5],
      [c.units.cs2, c.ids.handler2.id, 3],
    ])
    const second = await dispatched(c, '二站食堂的饭菜太咸', '食堂饭菜', [[c.units.cs2, c.ids.handler2.id, 1]])
    const ids = async (who: 'handler1' | 'handler2' | 'officer' | 'officer2') => (await c.sessions[who].get('/api/admin/tasks')).body.tasks.map((t: any) => t.assignmentId)
    expect(await ids('handler1')).toEqual([both.assignments[0]])
    expect(await ids('handler2')).toEqual([second.assignments[0], both.assignments[1]])
    // The union sees every open dispatch of the items that arrived in its subtree (both came in at cs1).
    expect(await ids('officer')).toEqual([second.assignments[0], both.assignments[1], both.assignments[0]])
    expect(await ids('officer2')).toEqual([])

    const reported = await c.act(c.sessions.handler2, both.id, 'report', { assignmentId: both.assignments[1], outcome: 'completed', text: '已填平' })
    expect(reported.status).toBe(200)
    expect(await ids('handler2')).toEqual([second.assignments[0]])
    expect(await ids('handler1')).toEqual([both.assignments[0]])

    // A station under the first central station is in its handler's subtree, whoever is responsible.
    const station = await dispatched(c, '艾一站的值班室漏雨', '值班室漏雨', [[await unitId(db().db, '艾一站'), c.ids.handler2.id, 9]])
    expect(await ids('handler1')).toEqual([both.assignments[0], station.assignments[0]])
    expect(await ids('handler2')).toEqual([second.assignments[0], station.assignments[0]])
  })

  it('never carries the submitter’s identity, even of a named item and even to the union', async () => {
    const c = await cast(db())
    await dispatched(c, '班车经常晚点，希望调整发车时间', null, [[c.units.cs1, c.ids.handler1.id, 4]], {
      anonymous: false,
      submitter: { name: '王师傅', employeeNo: 'E20931', phone: '13912345678' },
    })
    for (const who of ['handler1', 'leader', 'officer'] as const) {
      const res = await c.sessions[who].get('/api/admin/tasks')
      expect(res.body.tasks).toHaveLength(1)
      const text = JSON.stringify(res.body)
      for (const secret of ['王师傅', 'E20931', '13912345678', 'submitter', 'anonymous']) expect(text, `${who}: ${secret}`).not.toContain(secret)
    }
  })

  it('lists at most the 200 soonest, and says that there are more', async () => {
    const c = await cast(db())
    const { id } = await dispatched(c, '一站的巡井道路需要修整', '巡井道路', [[c.units.cs1, c.ids.handler1.id, 1]])
    const dispatch = await db().db.selectFrom('assignments').selectAll().where('suggestion_id', '=', id).executeTakeFirstOrThrow()
    const { id: _id, created_at: _at, ...row } = dispatch
    await db().db.insertInto('assignments').values(Array.from({ length: TASKS_MAX }, (_, i) => ({ ...row, deadline: dayEnd(dayFromToday(2 + i)) }))).execute()
    const res = await c.sessions.handler1.get('/api/admin/tasks')
    expect(res.body.tasks).toHaveLength(TASKS_MAX)
    expect(res.body.more).toBe(true)
    expect(res.body.tasks[0].assignmentId).toBe(dispatch.id)
    expect(res.body.tasks.at(-1).daysLeft).toBe(TASKS_MAX)
  })

  it('refuses admins (403) and requests without a session (401)', async () => {
    const c = await cast(db())
    expect(outcome(await c.sessions.admin.get('/api/admin/tasks'))).toEqual([403, 'forbidden'])
    const res = await c.app.request('/api/admin/tasks')
    expect(res.status).toBe(401)
    expect((await res.json()).error.code).toBe('unauthenticated')
  })
})
