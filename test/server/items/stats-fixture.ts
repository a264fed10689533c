import { sql as raw } from 'kysely'
import { dayEnd } from '../../../shared/time'
import { unitId } from '../../helpers/admin'
import { postJson } from '../../helpers/test-app'
import type { TestDb } from '../../helpers/test-db'
import { cast, dayFromToday } from './fixtures'

/** A China wall-clock time as an instant. */
const china = (at: string) => new Date(`${at}+08:00`)
/** The same, for a column the app never updates (received_at, created_at): the fixture moves it back in time. */
const back = (at: string) => raw<Date>`${china(at)}`

/**
 * Eight items, A to H, run through the API, then moved back in time in the database (receipt,
 * deadlines, reports, answers) so the figures can be worked out by hand (stats.test.ts):
 *
 * A  cs1  received 01-31 23:30  dispatched to cs1 (deadline 02-05), reported completed 02-03;
 *                               replied 02-04 23:30 (4 days), rated 满意, closed
 * B  cs2  received 02-01 00:30  dispatched to cs1 and cs2 (deadlines 02-10): cs1 completed 02-10
 *                               20:00 (on the day), cs2 partial 02-12 (late); replied 02-13 00:30
 *                               (12 days), rated 基本满意
 * C  cs1  received 02-10 09:00  dispatched to cs1 and cs2 (deadlines 02-15): cs1 completed 02-14,
 *                               cs2 never reported (overdue)
 * D  cs1  received 02-12 10:00  declined 02-13 10:00 (1 day)
 * E  cs1  received 02-14 10:00  merged into C
 * F  cs2  received 02-20 08:00  dispatched to cs2 (deadline 02-25), completed 02-26 (late);
 *                               replied 02-27 08:00 (7 days), rated 不满意: reopened (accepted)
 * G  艾一站 received 02-28 23:30  accepted as a 合理化建议 (its unit is a station below 第一中心站)
 * H  cs1  received 03-01 00:30  submitted
 * (all in 2026, China time; 23:30 and 00:30 of neighbouring days are the same UTC date.)
 */
export function statsFixture(db: TestDb) {
  return db.perFile('stats-fixture', ['suggestions', 'suggestion_events', 'assignments'], () => makeFixture(db))
}

async function makeFixture(db: TestDb) {
  const c = await cast(db)
  const { ids, sessions, units, submit, act, app } = c
  const officer = sessions.officer
  const people = { cs1: { leaderId: ids.leader.id, responsibleId: ids.handler1.id }, cs2: { leaderId: ids.leader.id, responsibleId: ids.handler2.id } }
  const handler = { cs1: sessions.handler1, cs2: sessions.handler2 }
  const sql = db.db

  const item = async (name: string, receivedAt: string, entryPoint = 'cs1') => {
    const made = await submit(`统计用的意见${name}的内容`, { entryPoint })
    await sql.updateTable('suggestions').set({ received_at: back(receivedAt) } as never).where('id', '=', made.id).execute()
    return made
  }
  /** Dispatches to each unit; the deadline is set afterwards, as a China day. */
  const dispatch = async (id: string, to: Array<'cs1' | 'cs2'>, deadline: string) => {
    for (const unit of to) await act(officer, id, 'dispatch', { unitId: units[unit], ...people[unit], deadline: dayFromToday(3) })
    await sql.updateTable('assignments').set({ deadline: dayEnd(deadline) }).where('suggestion_id', '=', id).execute()
  }
  const report = async (id: string, unit: 'cs1' | 'cs2', outcome: string, at: string) => {
    const a = (await officer.get(`/api/admin/items/${id}`)).body.assignments.find((x: any) => x.unit.id === units[unit])
    const res = await act(handler[unit], id, 'report', { assignmentId: a.id, outcome, text: '已处理' })
    if (res.status !== 200) throw new Error(`report: ${JSON.stringify(res.body)}`)
    await sql.updateTable('assignments').set({ reported_at: china(at) }).where('id', '=', a.id).execute()
  }
  const answer = async (id: string, kind: 'reply' | 'decline', at: string) => {
    const res = await act(officer, id, kind, kind === 'reply' ? { text: '答复内容', channel: 'app' } : { reason: '不在工会职责范围内' })
    if (res.status !== 200) throw new Error(`${kind}: ${JSON.stringify(res.body)}`)
    await sql.updateTable('suggestion_events').set({ created_at: back(at) } as never).where('suggestion_id', '=', id).where('kind', '=', kind).execute()
  }
  const rate = async (code: string, rating: string) => {
    const res = await postJson(app, '/api/track/rate', { code, rating })
    if (res.status !== 200) throw new Error(`rate: ${JSON.stringify(res.body)}`)
  }

  const A = await item('A', '2026-01-31T23:30')
  await act(officer, A.id, 'accept')
  await dispatch(A.id, ['cs1'], '2026-02-05')
  await report(A.id, 'cs1', 'completed', '2026-02-03T10:00')
  await answer(A.id, 'reply', '2026-02-04T23:30')
  await rate(A.code, 'satisfied')
  await act(officer, A.id, 'close')

  const B = await item('B', '2026-02-01T00:30', 'cs2')
  await act(officer, B.id, 'accept')
  await dispatch(B.id, ['cs1', 'cs2'], '2026-02-10')
  await report(B.id, 'cs1', 'completed', '2026-02-10T20:00')
  await report(B.id, 'cs2', 'partial', '2026-02-12T09:00')
  await answer(B.id, 'reply', '2026-02-13T00:30')
  await rate(B.code, 'basically')

  const C = await item('C', '2026-02-10T09:00')
  await act(officer, C.id, 'accept')
  await dispatch(C.id, ['cs1', 'cs2'], '2026-02-15')
  await report(C.id, 'cs1', 'completed', '2026-02-14T09:00')

  const D = await item('D', '2026-02-12T10:00')
  await answer(D.id, 'decline', '2026-02-13T10:00')

  const E = await item('E', '2026-02-14T10:00')
  await act(officer, E.id, 'merge', { into: C.id })

  const F = await item('F', '2026-02-20T08:00', 'cs2')
  await act(officer, F.id, 'accept')
  await dispatch(F.id, ['cs2'], '2026-02-25')
  await report(F.id, 'cs2', 'completed', '2026-02-26T08:00')
  await answer(F.id, 'reply', '2026-02-27T08:00')
  await rate(F.code, 'unsatisfied')

  const G = await item('G', '2026-02-28T23:30')
  await act(officer, G.id, 'accept', { proposal: true })
  const station = await unitId(sql, '艾一站')
  await sql.updateTable('suggestions').set({ unit_id: station }).where('id', '=', G.id).execute()

  await item('H', '2026-03-01T00:30')

  const statuses = await sql.selectFrom('suggestions').select(['id', 'status']).execute()
  const status = (id: string) => statuses.find((s) => s.id === id)?.status
  const expected = { [A.id]: 'closed', [B.id]: 'replied', [C.id]: 'dispatched', [D.id]: 'declined', [E.id]: 'merged', [F.id]: 'accepted', [G.id]: 'accepted' }
  for (const [id, s] of Object.entries(expected)) if (status(id) !== s) throw new Error(`fixture: ${id} is ${status(id)}, not ${s}`)
  return { ...c, station }
}
