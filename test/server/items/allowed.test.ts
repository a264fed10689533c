import { describe, expect, it } from 'vitest'
import { ACTION_NAMES, ACTIONS, STATUSES, type Action, type ActorKind } from '../../../shared/lifecycle'
import { ROLES, type Role } from '../../../shared/roles'
import type { SessionUser } from '../../../server/auth/sessions'
import { allowedActions, type DatedAssignment } from '../../../server/domain/items/allowed'

const user = (role: Role): SessionUser => ({ id: 'u1', username: 'u', displayName: 'U', role, unitId: 'unit', unitPath: '/root/unit/', csrfToken: 'x' })
const NOW = new Date('2026-11-26T04:00:00Z')
const inDays = (n: number) => new Date(NOW.getTime() + n * 86_400_000)
// Due tomorrow: near enough its deadline to be pressed (催办); `later` is not.
const ownDispatch: DatedAssignment = { responsible_id: 'u1', unit_path: '/root/unit/', state: 'open', deadline: inDays(1) }
const elsewhere: DatedAssignment = { responsible_id: 'u2', unit_path: '/root/other/', state: 'open', deadline: inDays(1) }
const later: DatedAssignment = { ...ownDispatch, deadline: inDays(5) }
const urgeWithin = { now: NOW, remindDays: 2 }

/** What the table alone lets `role` do from `status`: the rows whose `from` and `by` both match. */
const fromTable = (role: Role, status: (typeof STATUSES)[number]): Action[] =>
  role === 'admin' ? [] : ACTION_NAMES.filter((a) => (ACTIONS[a].from as readonly string[]).includes(status) && (ACTIONS[a].by as readonly ActorKind[]).includes(role))

describe('allowedActions', () => {
  for (const role of ROLES) {
    for (const status of STATUSES) {
      it(`offers ${role} on a ${status} item exactly the table's actions`, () => {
        expect(allowedActions(user(role), { status, anonymous: false }, [ownDispatch], urgeWithin)).toEqual(fromTable(role, status))
      })
    }
  }

  it('leaves out what the item rules out: a reveal of an anonymous item, a report with no dispatch to report on', () => {
    expect(allowedActions(user('officer'), { status: 'dispatched', anonymous: true }, [], urgeWithin)).toEqual(
      fromTable('officer', 'dispatched').filter((a) => a !== 'reveal' && a !== 'report' && a !== 'urge'),
    )
    expect(allowedActions(user('handler'), { status: 'dispatched', anonymous: false }, [elsewhere], urgeWithin)).toEqual(['note'])
    expect(allowedActions(user('handler'), { status: 'dispatched', anonymous: false }, [ownDispatch], urgeWithin)).toEqual(['report', 'note'])
    expect(allowedActions(user('officer'), { status: 'dispatched', anonymous: false }, [elsewhere], urgeWithin)).toContain('report')
  })

  it('offers 催办 only on an open dispatch that is overdue or within the reminder days of its deadline', () => {
    const officer = user('officer')
    const offered = (a: DatedAssignment[], days = 2) => allowedActions(officer, { status: 'dispatched', anonymous: true }, a, { now: NOW, remindDays: days }).includes('urge')
    expect(offered([later])).toBe(false)
    expect(offered([later], 5)).toBe(true)
    expect(offered([{ ...later, deadline: inDays(-3) }])).toBe(true)
    expect(offered([{ ...ownDispatch, state: 'reported' }])).toBe(false)
    expect(offered([later, ownDispatch])).toBe(true)
  })
})
