import type { ItemDetail } from '../../../shared/admin-api'
import { actionsFrom, type Status } from '../../../shared/lifecycle'
import { actorKindOf, type Role } from '../../../shared/roles'
import type { SessionUser } from '../../auth/sessions'
import { inScope } from '../units'

/** Which roles may ever ask for each action; the lifecycle then decides by status. */
export const ACTION_ROLES = {
  accept: ['officer'],
  classify: ['officer'],
  decline: ['officer'],
  merge: ['officer'],
  dispatch: ['officer'],
  report: ['handler', 'officer'],
  reply: ['officer'],
  close: ['officer'],
  reopen: ['officer'],
  note: ['officer', 'handler', 'leader'],
  reveal: ['officer'],
} as const satisfies Record<string, readonly Role[]>

export type ItemAction = keyof typeof ACTION_ROLES

export function roleMay(role: Role, action: ItemAction): boolean {
  return (ACTION_ROLES[action] as readonly Role[]).includes(role)
}

export interface OpenAssignment {
  responsible_id: string
  unit_path: string
  state: 'open' | 'reported'
}

/** Whether `user` may report on this dispatch: its responsible person, someone over its unit, or the union. */
export function mayReport(user: SessionUser, a: OpenAssignment): boolean {
  if (a.state !== 'open') return false
  if (user.role === 'officer') return true
  return user.role === 'handler' && (a.responsible_id === user.id || inScope(user.unitPath, a.unit_path))
}

/** What this reviewer can do to an item now, for the buttons of the detail view. */
export function allowedActions(
  user: SessionUser,
  item: { status: Status; anonymous: boolean },
  assignments: OpenAssignment[],
): ItemDetail['allowed'] {
  const actor = actorKindOf(user.role)
  if (!actor) return []
  const allowed: ItemDetail['allowed'] = actionsFrom(item.status, actor).filter((action) => {
    if (!roleMay(user.role, action)) return false
    if (action === 'report') return assignments.some((a) => mayReport(user, a))
    return true
  })
  if (roleMay(user.role, 'classify') && item.status !== 'merged') allowed.push('classify')
  if (roleMay(user.role, 'note')) allowed.push('note')
  if (roleMay(user.role, 'reveal') && !item.anonymous) allowed.push('reveal')
  return allowed
}
