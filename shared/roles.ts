import type { ActorKind } from './lifecycle'

/** Reviewer roles. Each account has one, and belongs to one organisation unit whose subtree it sees. */
export const ROLES = ['admin', 'officer', 'handler', 'leader'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'System admin' },
  officer: { zh: '工会干事', en: 'Union officer' },
  handler: { zh: '责任人', en: 'Responsible person' },
  leader: { zh: '主管领导', en: 'Supervising leader' },
}

/** How a role appears in the lifecycle's `by` lists; admins take no part in an item's life. */
export function actorKindOf(role: Role): ActorKind | null {
  return role === 'admin' ? null : role
}
