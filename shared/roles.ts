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

/** The worker's verdict on an answer. `unsatisfied` sends the item back to the union. */
export const RATINGS = ['satisfied', 'basically', 'unsatisfied'] as const
export type Rating = (typeof RATINGS)[number]
export const RATING_LABELS: Record<Rating, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically: { zh: '基本满意', en: 'Mostly satisfied' },
  unsatisfied: { zh: '不满意', en: 'Not satisfied' },
}

/** How the union answered the worker. Face-to-face answers record a date and place. */
export const REPLY_CHANNELS = ['app', 'face_to_face', 'phone', 'meeting'] as const
export type ReplyChannel = (typeof REPLY_CHANNELS)[number]
export const REPLY_CHANNEL_LABELS: Record<ReplyChannel, { zh: string; en: string }> = {
  app: { zh: '在线答复', en: 'In the app' },
  face_to_face: { zh: '面对面', en: 'Face to face' },
  phone: { zh: '电话', en: 'By phone' },
  meeting: { zh: '会议', en: 'At a meeting' },
}

/** What a unit reports back about a dispatched item. */
export const OUTCOMES = ['completed', 'partial', 'cannot'] as const
export type Outcome = (typeof OUTCOMES)[number]
export const OUTCOME_LABELS: Record<Outcome, { zh: string; en: string }> = {
  completed: { zh: '已完成', en: 'Completed' },
  partial: { zh: '部分完成', en: 'Partly done' },
  cannot: { zh: '无法完成', en: 'Cannot be done' },
}
