import type { ItemDetail } from '../../../shared/admin-api'
import { actionsFrom, type Status } from '../../../shared/lifecycle'
import { actorKindOf } from '../../../shared/roles'
import type { SessionUser } from '../../auth/sessions'
import { daysLeft } from '../../../shared/time'
import { inScope } from '../units'

export interface OpenAssignment {
  responsible_id: string
  unit_path: string
  state: 'open' | 'reported'
}

export interface DatedAssignment extends OpenAssignment {
  deadline: Date
}

/**
 * Whether the union may press (催办) this dispatch now: open, and overdue or at most `remindDays`
 * China days from its deadline (when the unit's reminder goes out too).
 */
export function mayUrge(a: Pick<DatedAssignment, 'state' | 'deadline'>, now: Date, remindDays: number): boolean {
  return a.state === 'open' && daysLeft(a.deadline, now) <= remindDays
}

/**
 * Whether `user` may report on this dispatch, given that the lifecycle lets their role report:
 * a handler only on their own dispatch or one under their unit; the union on any it sees.
 */
export function mayReport(user: SessionUser, a: OpenAssignment): boolean {
  if (a.state !== 'open') return false
  return user.role !== 'handler' || a.responsible_id === user.id || inScope(user.unitPath, a.unit_path)
}

/**
 * What this reviewer can do to an item now, for the buttons of the detail view: the lifecycle's
 * actions for their role and the item's status, less those the item's data rules out.
 */
export function allowedActions(
  user: SessionUser,
  item: { status: Status; anonymous: boolean },
  assignments: DatedAssignment[],
  urgeWithin: { now: Date; remindDays: number } = { now: new Date(), remindDays: 2 },
): ItemDetail['allowed'] {
  const actor = actorKindOf(user.role)
  if (!actor) return []
  return actionsFrom(item.status, actor).filter((action) => {
    if (action === 'report') return assignments.some((a) => mayReport(user, a))
    if (action === 'reveal') return !item.anonymous
    if (action === 'urge') return assignments.some((a) => mayUrge(a, urgeWithin.now, urgeWithin.remindDays))
    return true
  })
}
