/**
 * The life of a suggestion, defined once. Everything else (the status type, the database
 * CHECK constraint, which buttons a reviewer sees, which events a worker sees) derives from
 * these tables.
 */

/** Every status a suggestion can have on the server, in the order of a normal life. */
export const STATUSES = [
  'submitted',
  'accepted',
  'dispatched',
  'reported',
  'replied',
  'closed',
  'merged',
  'declined',
] as const

export type Status = (typeof STATUSES)[number]

/** Who performs an action. `worker` is the anonymous or named submitter, acting by follow-up code. */
export type ActorKind = 'worker' | 'officer' | 'handler' | 'leader' | 'system'

/**
 * Every allowed status change: the action, the statuses it may start from, the status it
 * leads to, and who may perform it. Any pair not listed here is refused.
 */
export const TRANSITIONS = {
  /** The union takes the item in and classifies it. */
  accept: { from: ['submitted'], to: 'accepted', by: ['officer'] },
  /** Declined with a reason the worker sees. */
  decline: { from: ['submitted', 'accepted'], to: 'declined', by: ['officer'] },
  /** A duplicate of another item; its worker follows the main item's answer. */
  merge: { from: ['submitted', 'accepted'], to: 'merged', by: ['officer'] },
  /** Sent to a unit with leader, responsible person and deadline; may be repeated for more units. */
  dispatch: { from: ['accepted', 'dispatched', 'reported'], to: 'dispatched', by: ['officer'] },
  /** The last open dispatch has been reported back by its unit. */
  report: { from: ['dispatched'], to: 'reported', by: ['handler', 'officer'] },
  /** The union answers the worker (directly after acceptance, or after the report). */
  reply: { from: ['accepted', 'reported'], to: 'replied', by: ['officer'] },
  /** The loop is closed. */
  close: { from: ['replied'], to: 'closed', by: ['officer'] },
  /** Back to the union: the worker was not satisfied, or the union reopens it. */
  reopen: { from: ['replied', 'closed', 'declined'], to: 'accepted', by: ['worker', 'officer'] },
} as const satisfies Record<
  string,
  { from: readonly Status[]; to: Status; by: readonly ActorKind[] }
>

export type Action = keyof typeof TRANSITIONS

export const ACTIONS = Object.keys(TRANSITIONS) as Action[]

/** Statuses the union no longer has to act on. */
export const FINAL_STATUSES = ['closed', 'merged', 'declined'] as const satisfies readonly Status[]

/** The outcome of asking for a status change: a value, never an exception. */
export type TransitionResult =
  | { ok: true; action: Action; from: Status; to: Status }
  | { ok: false; code: 'transition_not_allowed'; action: Action; from: Status; allowed: Action[] }
  | { ok: false; code: 'actor_not_allowed'; action: Action; from: Status; actor: ActorKind }

/** Applies `action` to an item in `status`, performed by `actor`. Pure. */
export function transition(status: Status, action: Action, actor: ActorKind): TransitionResult {
  const rule = TRANSITIONS[action]
  if (!(rule.from as readonly Status[]).includes(status)) {
    return { ok: false, code: 'transition_not_allowed', action, from: status, allowed: actionsFrom(status) }
  }
  if (!(rule.by as readonly ActorKind[]).includes(actor)) {
    return { ok: false, code: 'actor_not_allowed', action, from: status, actor }
  }
  return { ok: true, action, from: status, to: rule.to }
}

/** The actions that may start from `status`, optionally only those `actor` may perform. */
export function actionsFrom(status: Status, actor?: ActorKind): Action[] {
  return ACTIONS.filter((action) => {
    const rule = TRANSITIONS[action]
    return (
      (rule.from as readonly Status[]).includes(status) &&
      (actor === undefined || (rule.by as readonly ActorKind[]).includes(actor))
    )
  })
}

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value)
}

export function isFinal(status: Status): boolean {
  return (FINAL_STATUSES as readonly Status[]).includes(status)
}

/**
 * Event kinds that are not status changes: the item's creation, and what happens around
 * the transitions (notes, ratings, reveals of identity, reclassification).
 */
export const OTHER_EVENT_KINDS = [
  'submit',
  'classify',
  'note',
  'assignment_report',
  'rate',
  'message',
  'reveal',
] as const

export const EVENT_KINDS = [...OTHER_EVENT_KINDS, ...(Object.keys(TRANSITIONS) as Action[])] as const

export type EventKind = (typeof OTHER_EVENT_KINDS)[number] | Action

/** Event kinds a worker may see on their own item's timeline (never notes or reveals). */
export const PUBLIC_EVENT_KINDS = [
  'submit',
  'accept',
  'decline',
  'merge',
  'dispatch',
  'report',
  'reply',
  'close',
  'reopen',
  'rate',
  'message',
] as const satisfies readonly EventKind[]

export function isPublicEventKind(kind: string): boolean {
  return (PUBLIC_EVENT_KINDS as readonly string[]).includes(kind)
}
