import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { deliverDue, type SenderOptions } from '../../../server/notify/sender'
import { describeEachDialect } from '../../helpers/test-db'
import { webhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver'
import { cast, dayFromToday, type Cast } from '../items/fixtures'

const ORIGIN = 'https://yijian.example.com'
const NAMED = { anonymous: false, submitter: { name: '张三丰', employeeNo: 'A-7788', phone: '13912345678' } }
const CONTENT = '宿舍的热水器坏了一个星期了，洗不了热水澡'

let receiver: WebhookReceiver
beforeAll(async () => {
  receiver = await webhookReceiver()
})
afterAll(() => receiver.close())

describeEachDialect('messages to work groups: what they say, where they go, and how they are sent', ({ db }) => {
  const send = (extra: Partial<SenderOptions> = {}) => deliverDue(db().db, { origin: ORIGIN, fallbackUrl: null, ...extra })

  async function channel(c: Cast, unitId: string, kind: 'wecom' | 'dingtalk' | 'webhook', path: string, secret?: string) {
    const res = await c.sessions.admin.post('/api/admin/notify/channels', { unitId, kind, name: `${kind} 群`, url: `${receiver.base}${path}`, ...(secret ? { secret } : {}) })
    expect(res.status).toBe(201)
    return res.body.id as string
  }

  /** A named item, accepted with a summary, dispatched to `unitId` with its deadline `days` from today. */
  async function dispatched(c: Cast, unitId = c.units.cs1, days = 5, summary: string | null = '一站宿舍热水器损坏') {
    const { id, code } = await c.submit(CONTENT, NAMED)
    expect((await c.act(c.sessions.officer, id, 'accept', summary ? { summary } : {})).status).toBe(200)
    const res = await c.act(c.sessions.officer, id, 'dispatch', { unitId, leaderId: c.ids.leader.id, responsibleId: c.ids.handler1.id, deadline: dayFromToday(days), instructions: '请三天内修好' })
    expect(res.status).toBe(200)
    return { id, code, detail: res.body }
  }

  const outbox = () => db().db.selectFrom('notify_outbox').selectAll().orderBy('id').execute()

  it('a dispatch sends one 企业微信 markdown message to the unit, naming the people and the deadline, never the submitter', async () => {
    const c = await cast(db())
    receiver.received.length = 0
    await channel(c, c.units.cs1, 'wecom', '/wecom/send?key=abc')
    const { id, detail } = await dispatched(c)
    expect(await send()).toBe(1)
    expect(await send()).toBe(0)
    expect(receiver.received).toHaveLength(1)
    const [r] = receiver.received
    expect(r!.path).toBe('/wecom/send')
    expect(r!.query.get('key')).toBe('abc')
    expect(r!.body.msgtype).toBe('markdown')
    const content: string = r!.body.markdown.content
    expect(content).toContain(`【交办】${detail.number}`)
    for (const words of ['第一中心站', '一站站长', '李主任', dayFromToday(5), '一站宿舍热水器损坏', '请三天内修好', `${ORIGIN}/admin#/items/${id}`]) expect(content).toContain(words)
    // The submitter is named on the item; the message never says who, nor (by default) what they wrote.
    for (const identity of ['张三丰', 'A-7788', '13912345678', CONTENT]) expect(content).not.toContain(identity)
    expect((await outbox()).map((o) => [o.kind, o.state, o.attempts])).toEqual([['dispatch', 'sent', 1]])
  })

  it('says the content only when the union allows it, and a unit without a channel uses its nearest ancestor’s', async () => {
    const c = await cast(db())
    receiver.received.length = 0
    await channel(c, await rootUnit(c), 'webhook', '/top', 'our-shared-secret')
    await dispatched(c, c.units.cs2, 5, null)
    const settings = { includeContent: true, triageMode: 'digest', remindDays: 2, digestHour: 8 }
    expect((await c.sessions.admin.put('/api/admin/notify/settings', settings)).status).toBe(204)
    await dispatched(c, c.units.cs2, 5, null)
    expect(await send()).toBe(2)
    const [before, after] = receiver.received
    expect([before!.path, after!.path]).toEqual(['/top', '/top'])
    // The generic JSON: the event, the text, the item's facts and link.
    expect(before!.body).toMatchObject({ event: 'dispatch', item: { unit: '第二中心站', summary: null, deadline: dayFromToday(5) } })
    expect(before!.body.text).not.toContain('热水器')
    expect(after!.body.item.summary).toBe(CONTENT)
    // Signed with the channel's secret over the timestamp and the exact body.
    const stamp = before!.headers['x-yijian-timestamp'] as string
    const signature = createHmac('sha256', 'our-shared-secret').update(`${stamp}.${JSON.stringify(before!.body)}`).digest('hex')
    expect(before!.headers['x-yijian-signature']).toBe(`sha256=${signature}`)
    expect(JSON.stringify([before!.body, after!.body])).not.toMatch(/张三丰|A-7788|13912345678/)
  })

  it('with no channel up the tree: to NOTIFY_WEBHOOK_URL when set, else failed at once as having nowhere to go', async () => {
    const c = await cast(db())
    receiver.received.length = 0
    await dispatched(c)
    await dispatched(c)
    const [first, second] = await outbox()
    expect(first!.channel_id).toBeNull()
    expect(await deliverDue(db().db, { origin: ORIGIN, fallbackUrl: null }, first!.id)).toBe(1)
    expect(await send({ fallbackUrl: `${receiver.base}/fallback` })).toBe(1)
    const rows = await outbox()
    expect(rows.map((o) => [o.state, o.last_error, o.attempts])).toEqual([
      ['failed', 'no_channel', 1],
      ['sent', null, 1],
    ])
    expect(receiver.received.map((r) => [r.path, r.body.event])).toEqual([['/fallback', 'dispatch']])
    expect(second!.id).toBe(rows[1]!.id)
  })

  it('retries a receiver answering 500 (and a robot’s errcode) with backoff, then sends; gives up after the bound', async () => {
    const c = await cast(db())
    receiver.received.length = 0
    await channel(c, c.units.cs1, 'wecom', '/flaky?key=k')
    await dispatched(c)
    const t0 = Date.now() + 1000
    let n = 0
    receiver.answer(() => (++n === 1 ? { status: 500, body: 'busy' } : n === 2 ? { status: 200, body: { errcode: 45009, errmsg: 'api freq out of limit' } } : { status: 200, body: { errcode: 0 } }))
    const at = (ms: number) => ({ now: () => new Date(t0 + ms) })
    expect(await send(at(0))).toBe(1)
    let [row] = await outbox()
    expect([row!.state, row!.attempts, row!.last_error]).toEqual(['pending', 1, 'HTTP 500'])
    expect(row!.next_attempt_at.getTime()).toBe(t0 + 30_000)
    expect(await send(at(29_000))).toBe(0)
    expect(await send(at(30_000))).toBe(1)
    ;[row] = await outbox()
    expect([row!.state, row!.attempts, row!.last_error]).toEqual(['pending', 2, 'errcode 45009: api freq out of limit'])
    expect(row!.next_attempt_at.getTime()).toBe(t0 + 30_000 + 60_000)
    expect(await send(at(90_000))).toBe(1)
    ;[row] = await outbox()
    expect([row!.state, row!.attempts, row!.last_error]).toEqual(['sent', 3, null])
    expect(receiver.received).toHaveLength(3)
    expect(new Set(receiver.received.map((r) => r.body.markdown.content)).size).toBe(1)

    // Always refused: failed after maxAttempts, and not tried again.
    receiver.answer(() => ({ status: 503, body: {} }))
    await dispatched(c)
    for (let i = 0; i < 3; i++) await send({ now: () => new Date(t0 + 3600_000 * (i + 1)), maxAttempts: 3 })
    expect(await send({ now: () => new Date(t0 + 3600_000 * 9), maxAttempts: 3 })).toBe(0)
    const last = (await outbox()).at(-1)!
    expect([last.state, last.attempts, last.last_error]).toEqual(['failed', 3, 'HTTP 503'])
    receiver.answer(() => ({ status: 200, body: { errcode: 0 } }))
  })

  it('a 钉钉 robot gets its markdown with the URL signed by its secret', async () => {
    const c = await cast(db())
    receiver.received.length = 0
    const secret = 'SEC0123456789abcdef'
    expect((await c.sessions.admin.post('/api/admin/notify/channels', { unitId: c.units.cs1, kind: 'dingtalk', name: '钉钉群', url: `${receiver.base}/robot/send?access_token=t` })).body.error.code).toBe('secret_required')
    await channel(c, c.units.cs1, 'dingtalk', '/robot/send?access_token=t', secret)
    const { detail } = await dispatched(c)
    await send()
    const [r] = receiver.received
    const timestamp = r!.query.get('timestamp')!
    expect(r!.query.get('access_token')).toBe('t')
    expect(r!.query.get('sign')).toBe(createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64'))
    expect(r!.body).toMatchObject({ msgtype: 'markdown', markdown: { title: `【交办】${detail.number} 民生事宜` } })
    expect(r!.body.markdown.text).toContain('一站站长')
  })

  it('a report back goes to the union; 催办 and 批示 are on the timeline and go to the unit', async () => {
    const c = await cast(db())
    receiver.received.length = 0
    await channel(c, await rootUnit(c), 'webhook', '/union')
    await channel(c, c.units.cs1, 'webhook', '/cs1')
    const far = await dispatched(c, c.units.cs1, 6)
    const near = await dispatched(c, c.units.cs1, 1)
    await send()
    const farAssignment = far.detail.assignments[0].id
    const nearAssignment = near.detail.assignments[0].id
    expect(far.detail.assignments[0].urgeable).toBe(false)
    expect(near.detail.assignments[0].urgeable).toBe(true)
    expect((await c.act(c.sessions.officer, far.id, 'urge', { assignmentId: farAssignment })).body.error.code).toBe('urge_not_due')
    const urged = await c.act(c.sessions.officer, near.id, 'urge', { assignmentId: nearAssignment, text: '职工反映强烈，请今天落实' })
    expect(urged.status).toBe(200)
    expect(urged.body.events.at(-1)).toMatchObject({ kind: 'urge', isPublic: false, note: '职工反映强烈，请今天落实', actor: { name: '工会干事小王' } })
    const again = await c.act(c.sessions.officer, near.id, 'urge', { assignmentId: nearAssignment })
    expect([again.status, again.body.error.code]).toEqual([429, 'urge_too_soon'])

    const instructed = await c.act(c.sessions.leader, near.id, 'instruct', { text: '要举一反三，排查各站热水器' })
    expect(instructed.status).toBe(200)
    // The handler and the union see it; the worker does not.
    const seen = await c.sessions.handler1.get(`/api/admin/items/${near.id}`)
    expect(seen.body.events.at(-1)).toMatchObject({ kind: 'instruct', note: '要举一反三，排查各站热水器', actor: { name: '李主任' } })
    expect(JSON.stringify(await c.track(near.code))).not.toContain('举一反三')

    const reported = await c.act(c.sessions.handler1, near.id, 'report', { assignmentId: nearAssignment, outcome: 'completed', text: '已换新热水器' })
    expect(reported.status).toBe(200)
    receiver.received.length = 0
    await send()
    const got = receiver.received.map((r) => [r.path, r.body.event, r.body.title])
    expect(got).toEqual([
      ['/cs1', 'urge', `【催办】${near.detail.number} 还剩 1 天`],
      ['/cs1', 'instruct', `【领导批示】${near.detail.number} 民生事宜`],
      ['/union', 'report', `【办理反馈】${near.detail.number} 已完成`],
    ])
    expect(receiver.received[0]!.body.lines).toContain('工会催办（工会干事小王）：职工反映强烈，请今天落实')
    expect(receiver.received[1]!.body.lines).toContain('李主任批示：要举一反三，排查各站热水器')
    expect(receiver.received[2]!.body.lines).toContain('交办已全部反馈，请工会答复员工')
    expect(JSON.stringify(receiver.received.map((r) => r.body))).not.toMatch(/张三丰|A-7788|13912345678/)
  })

  it('senders racing for the same rows claim each once (eight at once, as eight processes would)', async () => {
    const c = await cast(db())
    receiver.received.length = 0
    const channelId = await channel(c, c.units.cs1, 'webhook', '/race')
    const titles = Array.from({ length: 120 }, (_, i) => `消息 ${i}`)
    await db()
      .db.insertInto('notify_outbox')
      .values(titles.map((title) => ({ channel_id: channelId, kind: 'test' as const, message: JSON.stringify({ kind: 'test', title, lines: [], link: null, item: null }) })))
      .execute()
    const senders = Array.from({ length: 8 }, async () => {
      while ((await send({ batch: 3 })) > 0) {
        // until nothing is due
      }
    })
    await Promise.all(senders)
    expect(receiver.received.map((r) => r.body.title).toSorted()).toEqual(titles.toSorted())
  })

  async function rootUnit(c: Cast): Promise<string> {
    return (await db().db.selectFrom('org_units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id
  }
})
