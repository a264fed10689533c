import { describe, expect, it } from 'vitest'
import { ACTION_NAMES, ACTIONS, STATUSES, type Action, type ActorKind } from '../../../shared/lifecycle'
import { ROLES, type Role } from '../../../shared/roles'
import type { SessionUser } from '../../../server/auth/sessions'
import { allowedActions, type OpenAssignment } from '../../../server/domain/items/allowed'

const user = (role: Role): SessionUser => ({ id: 'u1', username: 'u', displayName: 'U', role, unitId: 'unit', unitPath: '/root/unit/', csrfToken: 'x' })
const ownDispatch: OpenAssignment = { responsible_id: 'u1', unit_path: '/root/unit/', state: 'open' }
const elsewhere: OpenAssignment = { responsible_id: 'u2', unit_path: '/root/other/', state: 'open' }

/** What the table alone lets `role` do from `status`: the rows whose `from` and `by` both match. */
const fromTable = (role: Role, status: (typeof STATUSES)[number]): Action[] =>
  role === 'admin' ? [] : ACTION_NAMES.filter((a) => (ACTIONS[a].from as readonly string[]).includes(status) && (ACTIONS[a].by as readonly ActorKind[]).includes(role))

describe('allowedActions', () => {
  for (const role of ROLES) {
    for (const status of STATUSES) {
      it(`offers ${role} on a ${status} item exactly the table's actions`, () => {
        expect(allowedActions(user(role), { status, anonymous: false }, [ownDispatch])).toEqual(fromTable(role, status))
      })
    }
  }

  it('leaves out what the item rules out: a reveal of an anonymous item, a report with no dispatch to report on', () => {
    expect(allowedActions(user('officer'), { status: 'dispatched', anonymous: true }, [])).toEqual(fromTable('officer', 'dispatched').filter((a) => a !== 'reveal' && a !== 'report'))
    expect(allowedActions(user('handler'), { status: 'dispatched', anonymous: false }, [elsewhere])).toEqual(['note'])
    expect(allowedActions(user('handler'), { status: 'dispatched', anonymous: false }, [ownDispatch])).toEqual(['report', 'note'])
    expect(allowedActions(user('officer'), { status: 'dispatched', anonymous: false }, [elsewhere])).toContain('report')
  })
})
