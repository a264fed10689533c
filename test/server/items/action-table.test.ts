import { expect, it } from 'vitest'
import { ACTION_NAMES, ACTIONS, performedBy, type Action, type Status } from '../../../shared/lifecycle'
import { actorKindOf, type Role } from '../../../shared/roles'
import { describeEachDialect } from '../../helpers/test-db'
import { cast, dayFromToday, type Cast } from './fixtures'

type Who = 'officer' | 'leader' | 'handler1' | 'admin'
const ROLE_OF: Record<Who, Role> = { officer: 'officer', leader: 'leader', handler1: 'handler', admin: 'admin' }
// The officer comes last: a permitted action changes its item, so each permitted role gets its own.
const CAST: Who[] = ['admin', 'leader', 'handler1', 'officer']

/** Whether the shared table lets this reviewer perform `action` at all: the only list of who may act. */
const tableAllows = (who: Who, action: Action) => {
  const actor = actorKindOf(ROLE_OF[who])
  return actor !== null && performedBy(action, actor)
}

// Handlers and leaders see only items dispatched to them or under them: an action is tried in
// the first of these statuses it may start from (the item then went through a dispatch), else in its first.
const SEEN_BY_ALL: Status[] = ['dispatched', 'reported', 'replied']
const statusFor = (action: Action): Status => {
  const from: readonly Status[] = ACTIONS[action].from
  return SEEN_BY_ALL.find((s) => from.includes(s)) ?? from[0]!
}

/**
 * For every action and every reviewer role: the buttons the server offers (`allowed`) and the
 * route's answer agree with the shared table. A second list of who may act, anywhere on the
 * server, would break one of the two.
 */
describeEachDialect('the action table, the buttons and the route agree', ({ db }) => {
  /** A fresh item of the first central station (named, so it may be revealed), brought to `status` by the officer. */
  async function itemIn(c: Cast, status: Status): Promise<string> {
    const { id } = await c.submit('一站的意见：值班室漏雨', { anonymous: false, submitter: { name: '赵六' } })
    const life: Status[] = ['submitted', 'accepted', 'dispatched', 'reported', 'replied']
    const steps: Action[] = ['accept', 'dispatch', 'report', 'reply'].slice(0, life.indexOf(status)) as Action[]
    for (const action of steps) expect((await c.act(c.sessions.officer, id, action, await bodyFor(c, action, id))).status).toBe(200)
    return id
  }

  // Due tomorrow: near enough its deadline to be pressed (催办).
  const dispatchBody = (c: Cast) => ({ unitId: c.units.cs1, leaderId: c.ids.leader.id, responsibleId: c.ids.handler1.id, deadline: dayFromToday(1) })

  /** A valid body for `action` on item `id`, so that only who asks and the status decide the answer. */
  async function bodyFor(c: Cast, action: Action, id: string): Promise<Record<string, unknown>> {
    switch (action) {
      case 'accept':
      case 'classify':
        return { tags: ['漏雨'] }
      case 'decline':
      case 'reopen':
        return { reason: '理由' }
      case 'merge':
        return { into: (await c.submit('另一条意见：值班室漏雨')).id }
      case 'dispatch':
        return dispatchBody(c)
      case 'report':
        return { assignmentId: (await c.sessions.officer.get(`/api/admin/items/${id}`)).body.assignments[0].id, outcome: 'completed', text: '已办' }
      case 'reply':
        return { text: '答复', channel: 'app' }
      case 'close':
        return {}
      case 'note':
        return { text: '备注' }
      case 'reveal':
        return { userId: c.ids.handler1.id, reason: '面谈' }
      case 'urge':
        return { assignmentId: (await c.sessions.officer.get(`/api/admin/items/${id}`)).body.assignments[0].id, text: '请尽快办理' }
      case 'instruct':
        return { text: '抓紧办理，按期反馈' }
    }
  }

  for (const action of ACTION_NAMES) {
    const status = statusFor(action)
    const expected = Object.fromEntries(CAST.map((who) => [who, tableAllows(who, action) ? 200 : 403]))
    it(`${action} from ${status}: ${CAST.map((w) => `${w} ${expected[w]}`).join(', ')}`, async () => {
      const c = await cast(db())
      const refusedOn = await itemIn(c, status)
      const answers: Record<string, number> = {}
      for (const who of CAST) {
        const id = expected[who] === 200 ? await itemIn(c, status) : refusedOn
        if (who !== 'admin') {
          const detail = await c.sessions[who].get(`/api/admin/items/${id}`)
          // Whom the table lets act must see the item; others may not see it at all.
          if (detail.status === 200) expect(detail.body.allowed.includes(action), `${who} is offered ${action}`).toBe(expected[who] === 200)
          else expect([detail.status, expected[who]]).toEqual([404, 403])
        }
        // The version as the officer sees it: a reviewer who cannot see the item is refused all the same.
        const version = (await c.sessions.officer.get(`/api/admin/items/${id}`)).body.version
        const res = await c.sessions[who].post(`/api/admin/items/${id}/${action}`, { ...(await bodyFor(c, action, id)), version })
        if (res.status === 403) expect(res.body.error.code).toBe('forbidden')
        answers[who] = res.status
      }
      expect(answers).toEqual(expected)
    })
  }
})
