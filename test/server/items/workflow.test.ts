import { newFollowUpCode } from '../../../shared/follow-up-code'
import { expect, it } from 'vitest'
import { describeEachDialect } from '../../helpers/test-db'
import { postJson } from '../../helpers/test-app'
import { cast, dayFromToday } from './fixtures'

describeEachDialect('the union loop through the API', ({ db }) => {
  it('runs submit → accept → dispatch → report → reply → rate → close, and the worker sees the public part', async () => {
    const { app, ids, sessions, units, submit, act, track } = await cast(db())
    const { id, code } = await submit()

    const accepted = await act(sessions.officer, id, 'accept', { category: 'employee_home', summary: '一站宿舍热水器损坏', tags: ['宿舍', '热水'], proposal: false })
    expect(accepted.status).toBe(200)
    expect(accepted.body).toMatchObject({ status: 'accepted', category: 'employee_home', summary: '一站宿舍热水器损坏', tags: ['宿舍', '热水'] })

    const dispatched = await act(sessions.officer, id, 'dispatch', {
      unitId: units.cs1,
      leaderId: ids.leader.id,
      responsibleId: ids.handler1.id,
      deadline: dayFromToday(7),
      instructions: '请一周内更换热水器',
    })
    expect(dispatched.status).toBe(200)
    expect(dispatched.body.status).toBe('dispatched')
    expect(dispatched.body.assignments).toMatchObject([
      { unit: { name: '第一中心站' }, leader: { displayName: '李主任' }, responsible: { displayName: '一站站长' }, state: 'open', overdue: false },
    ])

    // The handler finds it in their list and reports back.
    const handlerList = await sessions.handler1.get('/api/admin/items')
    expect(handlerList.body.items.map((i: any) => i.id)).toEqual([id])
    const assignmentId = dispatched.body.assignments[0].id
    const reported = await act(sessions.handler1, id, 'report', { assignmentId, outcome: 'completed', text: '已更换新热水器' })
    expect(reported.status).toBe(200)
    expect(reported.body.status).toBe('reported')
    expect(reported.body.assignments[0]).toMatchObject({ state: 'reported', outcome: 'completed', reportText: '已更换新热水器' })

    await sessions.officer.post(`/api/admin/items/${id}/note`, { text: '内部备注：费用走工会经费' })
    const replied = await act(sessions.officer, id, 'reply', {
      text: '热水器已于本周更换，感谢您的反映。',
      channel: 'face_to_face',
      meetingAt: dayFromToday(0),
      meetingPlace: '第一中心站会议室',
    })
    expect(replied.status).toBe(200)
    expect(replied.body.status).toBe('replied')

    // The worker's view: the reply and its channel; no note, no names, no report text.
    const seen = await track(code)
    expect(seen.status).toBe('replied')
    expect(seen.events.map((e: any) => e.kind)).toEqual(['submit', 'accept', 'dispatch', 'report', 'reply'])
    expect(seen.events.at(-1)).toMatchObject({ text: '热水器已于本周更换，感谢您的反映。', data: { channel: 'face_to_face', meetingPlace: '第一中心站会议室' } })
    const visible = JSON.stringify(seen)
    for (const secret of ['内部备注', '李主任', '一站站长', '工会干事小王', '已更换新热水器', '请一周内']) expect(visible).not.toContain(secret)

    const rated = await postJson(app, '/api/track/rate', { code, rating: 'satisfied', message: '谢谢工会' })
    expect(rated.status).toBe(200)
    expect(rated.body.item.events.at(-1)).toMatchObject({ kind: 'rate', data: { rating: 'satisfied' }, text: '谢谢工会' })

    const closed = await act(sessions.officer, id, 'close')
    expect(closed.body).toMatchObject({ status: 'closed', rating: 'satisfied' })
    expect(closed.body.events.map((e: any) => e.kind)).toEqual(['submit', 'accept', 'dispatch', 'report', 'note', 'reply', 'rate', 'close'])
    expect(closed.body.events.find((e: any) => e.kind === 'note')).toMatchObject({ isPublic: false, note: '内部备注：费用走工会经费', actor: { kind: 'officer', name: '工会干事小王' } })
  })

  it('reopens the item for the union when the worker answers 不满意', async () => {
    const { app, sessions, submit, act, track } = await cast(db())
    const { id, code } = await submit()
    await act(sessions.officer, id, 'accept')
    await act(sessions.officer, id, 'reply', { text: '已安排检修。', channel: 'app' })
    const early = await postJson(app, '/api/track/rate', { code, rating: 'unsatisfied', message: '还是没有热水' })
    expect(early.status).toBe(200)
    expect(early.body.item.status).toBe('accepted')
    const detail = await sessions.officer.get(`/api/admin/items/${id}`)
    expect(detail.body.rating).toBe('unsatisfied')
    expect(detail.body.events.slice(-2).map((e: any) => [e.kind, e.actor.kind, e.toStatus])).toEqual([
      ['rate', 'worker', null],
      ['reopen', 'worker', 'accepted'],
    ])
    expect((await track(code)).events.at(-1)).toMatchObject({ kind: 'reopen', text: '还是没有热水' })
  })

  it('refuses a verdict before there is an answer, and a bad code', async () => {
    const { app, submit } = await cast(db())
    const { code } = await submit()
    const early = await postJson(app, '/api/track/rate', { code, rating: 'satisfied' })
    expect([early.status, early.body.error.code]).toEqual([409, 'rating_not_allowed'])
    const unknown = await postJson(app, '/api/track/rate', { code: newFollowUpCode(), rating: 'satisfied' })
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found'])
    const bad = await postJson(app, '/api/track/rate', { code, rating: 'great' })
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_rating'])
  })

  it('lets the worker send a follow-up message the union reads on the timeline', async () => {
    const { app, sessions, submit } = await cast(db())
    const { id, code } = await submit()
    const res = await postJson(app, '/api/track/message', { code, text: '补充：二楼的也坏了' })
    expect(res.status).toBe(200)
    const detail = await sessions.officer.get(`/api/admin/items/${id}`)
    expect(detail.body.events.at(-1)).toMatchObject({ kind: 'message', publicText: '补充：二楼的也坏了', actor: { kind: 'worker', name: null } })
  })

  it('declines with a reason the worker sees', async () => {
    const { sessions, submit, act, track } = await cast(db())
    const { id, code } = await submit()
    const res = await act(sessions.officer, id, 'decline', { reason: '该问题属于集团层面政策，已向上级工会反映。' })
    expect(res.body.status).toBe('declined')
    expect((await track(code)).events.at(-1)).toMatchObject({ kind: 'decline', status: 'declined', text: '该问题属于集团层面政策，已向上级工会反映。' })
  })

  it('merges a duplicate: both linked, and its worker follows the main item to its answer', async () => {
    const { sessions, submit, act, track } = await cast(db())
    const main = await submit('食堂的饭菜太咸了，希望改进')
    const dup = await submit('食堂饭菜偏咸，能不能少放盐')
    const merged = await act(sessions.officer, dup.id, 'merge', { into: main.id })
    expect(merged.status).toBe(200)
    const mainDetail = await sessions.officer.get(`/api/admin/items/${main.id}`)
    expect(merged.body).toMatchObject({ status: 'merged', mergedInto: { id: main.id, number: mainDetail.body.number, status: 'submitted' } })
    expect(mainDetail.body.duplicates).toEqual([{ id: dup.id, number: merged.body.number, status: 'merged' }])
    expect(merged.body.number).not.toBe(mainDetail.body.number)

    await act(sessions.officer, main.id, 'accept')
    await act(sessions.officer, main.id, 'reply', { text: '已要求食堂减盐。', channel: 'meeting' })
    const seen = await track(dup.code)
    expect(seen.status).toBe('merged')
    expect(seen.mergedInto.status).toBe('replied')
    expect(seen.mergedInto.events.at(-1)).toMatchObject({ kind: 'reply', text: '已要求食堂减盐。' })
  })

  it('refuses to merge into itself, into a merged item, or into something unseen', async () => {
    const { sessions, submit, act } = await cast(db())
    const a = await submit()
    const b = await submit('另一条意见内容')
    const c = await submit('第三条意见内容')
    expect((await act(sessions.officer, a.id, 'merge', { into: a.id })).body.error.code).toBe('invalid_merge_target')
    await act(sessions.officer, b.id, 'merge', { into: c.id })
    expect((await act(sessions.officer, a.id, 'merge', { into: b.id })).body.error.code).toBe('invalid_merge_target')
    const missing = await act(sessions.officer, a.id, 'merge', { into: '01900000-0000-7000-8000-000000000000' })
    expect([missing.status, missing.body.error.code]).toEqual([422, 'invalid_merge_target'])
  })

  it('dispatches to two units and counts the item reported only when both have reported', async () => {
    const { ids, sessions, units, submit, act } = await cast(db())
    const { id } = await submit()
    await act(sessions.officer, id, 'accept')
    await act(sessions.officer, id, 'dispatch', { unitId: units.cs1, leaderId: ids.leader.id, responsibleId: ids.handler1.id, deadline: dayFromToday(3) })
    const both = await act(sessions.officer, id, 'dispatch', { unitId: units.cs2, leaderId: ids.leader.id, responsibleId: ids.handler2.id, deadline: dayFromToday(5) })
    expect(both.body.assignments).toHaveLength(2)
    const [first, second] = both.body.assignments
    const one = await act(sessions.handler1, id, 'report', { assignmentId: first.id, outcome: 'partial', text: '已修好一半' })
    expect(one.body.status).toBe('dispatched')
    expect(one.body.events.at(-1).kind).toBe('assignment_report')
    // handler1 sees the item but may not report for the other unit's dispatch.
    const foreign = await act(sessions.handler1, id, 'report', { assignmentId: second.id, outcome: 'completed', text: '代报' })
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'forbidden'])
    const again = await act(sessions.handler1, id, 'report', { assignmentId: first.id, outcome: 'completed', text: '再报一次' })
    expect([again.status, again.body.error.code]).toEqual([409, 'assignment_already_reported'])
    const two = await act(sessions.handler2, id, 'report', { assignmentId: second.id, outcome: 'completed', text: '已处理' })
    expect(two.body.status).toBe('reported')
  })

  it('refuses steps out of order with a clear 409', async () => {
    const { sessions, submit, act } = await cast(db())
    const { id } = await submit()
    const close = await act(sessions.officer, id, 'close')
    expect(close.status).toBe(409)
    expect(close.body.error).toEqual({ code: 'transition_not_allowed', message: expect.stringContaining('状态') })
    const reply = await act(sessions.officer, id, 'reply', { text: '答复', channel: 'app' })
    expect(reply.body.error.code).toBe('transition_not_allowed')
    const detail = await sessions.officer.get(`/api/admin/items/${id}`)
    expect(detail.body.status).toBe('submitted')
    expect(detail.body.allowed).toEqual(['accept', 'decline', 'merge', 'classify', 'note'])
  })

  it('checks dispatch input: deadline, people, unit', async () => {
    const { ids, sessions, units, submit, act } = await cast(db())
    const { id } = await submit()
    await act(sessions.officer, id, 'accept')
    const base = { unitId: units.cs1, leaderId: ids.leader.id, responsibleId: ids.handler1.id, deadline: dayFromToday(2) }
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ deadline: dayFromToday(-1) }, 400, 'invalid_deadline'],
      [{ deadline: '2030-02-30' }, 400, 'invalid_date'],
      [{ deadline: dayFromToday(1000) }, 400, 'invalid_deadline'],
      [{ leaderId: ids.handler1.id }, 422, 'user_not_found'],
      [{ responsibleId: ids.admin.id }, 422, 'user_not_found'],
      [{ unitId: '01900000-0000-7000-8000-000000000000' }, 422, 'unit_not_found'],
      [{ unitId: 'not-a-uuid' }, 400, 'invalid_request'],
      [{ instructions: 'x'.repeat(2001) }, 400, 'text_too_long'],
    ]
    for (const [patch, status, code] of cases) {
      const res = await act(sessions.officer, id, 'dispatch', { ...base, ...patch })
      expect([JSON.stringify(patch), res.status, res.body.error?.code]).toEqual([JSON.stringify(patch), status, code])
    }
    const detail = await sessions.officer.get(`/api/admin/items/${id}`)
    expect([detail.body.status, detail.body.assignments.length]).toEqual(['accepted', 0])
  })

  it('requires a date and place for a face-to-face answer', async () => {
    const { sessions, submit, act } = await cast(db())
    const { id } = await submit()
    await act(sessions.officer, id, 'accept')
    const res = await act(sessions.officer, id, 'reply', { text: '当面沟通', channel: 'face_to_face' })
    expect([res.status, res.body.error.code]).toEqual([400, 'invalid_reply_channel'])
  })

  it('marks a rationalisation proposal and filters by it', async () => {
    const { sessions, submit, act } = await cast(db())
    const a = await submit('建议在大监控平台增加井口压力报警')
    await submit('食堂能不能加个微波炉')
    await act(sessions.officer, a.id, 'classify', { proposal: true, tags: ['数智化'] })
    const list = await sessions.officer.get('/api/admin/items?proposal=1')
    expect(list.body.items.map((i: any) => [i.id, i.isProposal, i.tags])).toEqual([[a.id, true, ['数智化']]])
  })
})
