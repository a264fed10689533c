import { expect, it } from 'vitest'
import { deliverDue } from '../../../server/notify/sender'
import { planDue, pruneNotify } from '../../../server/jobs/notify-planner'
import { dayStart } from '../../../shared/time'
import { describeEachDialect } from '../../helpers/test-db'
import { webhookReceiver } from '../../helpers/webhook-receiver'
import { cast, dayFromToday, type Cast } from '../items/fixtures'

const HOUR = 3600_000
/** `hours` after midnight in China, `days` from today: the planner's injected clock. */
const at = (days: number, hours: number) => new Date(dayStart(dayFromToday(days)).getTime() + hours * HOUR)

describeEachDialect('the planner: deadline reminders, overdue digests and new items, at the right times and once', ({ db }) => {
  async function setUp(c: Cast) {
    const receiver = await webhookReceiver()
    const root = (await db().db.selectFrom('org_units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id
    for (const [unitId, path] of [[root, '/union'], [c.units.cs1, '/cs1']] as const) {
      const res = await c.sessions.admin.post('/api/admin/notify/channels', { unitId, kind: 'webhook', name: path, url: `${receiver.base}${path}` })
      expect(res.status).toBe(201)
    }
    const sent = async () => {
      receiver.received.length = 0
      await deliverDue(db().db, { origin: null, fallbackUrl: null, now: () => new Date(Date.now() + 400 * 24 * HOUR) })
      return receiver.received.map((r) => ({ path: r.path, title: r.body.title as string, lines: r.body.lines as string[] }))
    }
    return { receiver, sent }
  }

  async function dispatch(c: Cast, days: number) {
    const { id } = await c.submit('值班室的暖气片不热，夜里冻得睡不着')
    await c.act(c.sessions.officer, id, 'accept', { summary: '值班室暖气不热' })
    const res = await c.act(c.sessions.officer, id, 'dispatch', { unitId: c.units.cs1, leaderId: c.ids.leader.id, responsibleId: c.ids.handler1.id, deadline: dayFromToday(days) })
    expect(res.status).toBe(200)
    return res.body.number as string
  }

  it('reminds the unit once when a deadline is two days away, and not for a dispatch given with less time', async () => {
    const c = await cast(db())
    const { receiver, sent } = await setUp(c)
    const number = await dispatch(c, 5)
    await dispatch(c, 1)
    await sent()
    expect((await planDue(db().db, at(2, 10))).reminders).toBe(0)
    expect((await planDue(db().db, at(3, 0.5))).reminders).toBe(1)
    expect((await planDue(db().db, at(3, 9))).reminders).toBe(0)
    // (The dispatch due tomorrow is overdue by then: the digests are the next test's.)
    const reminders = (await sent()).filter((m) => m.title.startsWith('【即将到期】'))
    expect(reminders).toEqual([{ path: '/cs1', title: `【即将到期】${number} 还剩 2 天`, lines: expect.arrayContaining([`办理期限：${dayFromToday(5)}，请按时报告办理结果`]) }])
    // A new deadline is a new reminder.
    await db().db.updateTable('assignments').set({ deadline: dayStart(dayFromToday(7)) }).where('deadline', '=', new Date(dayStart(dayFromToday(6)).getTime() - 1)).execute()
    expect((await planDue(db().db, at(5, 1))).reminders).toBe(1)
    await receiver.close()
  })

  it('sends the overdue digests at the day’s hour, to the unit and to the union, once a day', async () => {
    const c = await cast(db())
    const { receiver, sent } = await setUp(c)
    const number = await dispatch(c, 1)
    await c.submit('食堂的菜太咸了，希望少放盐')
    await sent()
    // 07:00 the day after the deadline: before the union's hour (8:00), nothing.
    expect(await planDue(db().db, at(2, 7))).toEqual({ reminders: 0, overdue: 0, triage: 0 })
    const twice = await Promise.all([planDue(db().db, at(2, 8.1)), planDue(db().db, at(2, 8.2))])
    expect(twice.map((p) => p.overdue).sort()).toEqual([0, 2])
    expect(twice.map((p) => p.triage).sort()).toEqual([0, 1])
    expect((await planDue(db().db, at(2, 20))).overdue).toBe(0)
    const messages = await sent()
    expect(messages).toEqual(
      expect.arrayContaining([
        { path: '/cs1', title: '【超期提醒】1 件交办已超期', lines: [`${number} 第一中心站 已超期 1 天：值班室暖气不热`, '请尽快办理并报告结果'] },
        { path: '/union', title: '【超期汇总】共 1 件交办已超期', lines: ['第一中心站：1 件'] },
        { path: '/union', title: '【待受理】1 条意见等待受理', lines: ['请及时受理、分类和交办'] },
      ]),
    )
    expect(messages).toHaveLength(3)
    // The next day, the next digest.
    expect((await planDue(db().db, at(3, 9))).overdue).toBe(2)
    await receiver.close()
  })

  it('lists the ten longest overdue of a unit and counts the rest, however many there are', async () => {
    const c = await cast(db())
    const { receiver, sent } = await setUp(c)
    const number = await dispatch(c, 1)
    await sent()
    // Fourteen more overdue dispatches of the same item to the first station, 2 to 15 days late.
    const a = await db().db.selectFrom('assignments').selectAll().executeTakeFirstOrThrow()
    await db()
      .db.insertInto('assignments')
      .values(Array.from({ length: 14 }, (_, i) => ({ suggestion_id: a.suggestion_id, unit_id: a.unit_id, leader_id: a.leader_id, responsible_id: a.responsible_id, created_by: a.created_by, deadline: at(-i - 1, 12) })))
      .execute()
    expect((await planDue(db().db, at(2, 9))).overdue).toBe(2)
    const [unit, union] = await sent()
    expect(unit!.title).toBe('【超期提醒】15 件交办已超期')
    expect(unit!.lines).toHaveLength(12)
    expect(unit!.lines[0]).toBe(`${number} 第一中心站 已超期 16 天：值班室暖气不热`)
    expect(unit!.lines.slice(-2)).toEqual(['另有 5 件', '请尽快办理并报告结果'])
    expect(union).toEqual({ path: '/union', title: '【超期汇总】共 15 件交办已超期', lines: ['第一中心站：15 件'] })
    await receiver.close()
  })

  it('in instant mode, tells the union of new items within a minute, once, and never of those before it was chosen', async () => {
    const c = await cast(db())
    const { receiver, sent } = await setUp(c)
    await c.submit('第一条：宿舍楼道灯坏了')
    expect((await c.sessions.admin.put('/api/admin/notify/settings', { includeContent: false, triageMode: 'instant', remindDays: 2, digestHour: 8 })).status).toBe(204)
    const now = Date.now()
    expect((await planDue(db().db, new Date(now))).triage).toBe(0)
    await c.submit('第二条：澡堂热水不够')
    await c.submit('第三条：班车太挤')
    expect((await planDue(db().db, new Date(now + 60_000))).triage).toBe(1)
    expect((await planDue(db().db, new Date(now + 120_000))).triage).toBe(0)
    expect(await sent()).toEqual([{ path: '/union', title: '【待受理】新收到 2 条意见', lines: ['目前共 3 条等待受理'] }])
    await receiver.close()
  })

  it('prunes old marks and old deliveries, never a message still waiting', async () => {
    const d = db().db
    const old = new Date(Date.now() - 100 * 86_400_000)
    const message = JSON.stringify({ kind: 'test', title: 't', lines: [], link: null, item: null })
    await d.insertInto('notify_marks').values([{ key: 'old', created_at: old }, { key: 'new' }]).execute()
    await d
      .insertInto('notify_outbox')
      .values((['sent', 'failed', 'pending'] as const).flatMap((state) => [{ kind: 'test' as const, message, state: state === 'pending' ? undefined : state, created_at: old }, { kind: 'test' as const, message, state: state === 'pending' ? undefined : state }]))
      .execute()
    await pruneNotify(d)
    expect((await d.selectFrom('notify_marks').select('key').execute()).map((m) => m.key)).toEqual(['new'])
    const left = await d.selectFrom('notify_outbox').select(['state', 'created_at']).orderBy('id').execute()
    expect(left.map((r) => [r.state, r.created_at.getTime() === old.getTime()])).toEqual([
      ['sent', false],
      ['failed', false],
      ['pending', true],
      ['pending', false],
    ])
  })
})
