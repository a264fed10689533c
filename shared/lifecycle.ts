import type { GenericSchema, InferOutput } from 'valibot'
import {
  ClassificationSchema,
  CloseSchema,
  DispatchSchema,
  MergeSchema,
  NoteSchema,
  ReasonSchema,
  ReplySchema,
  ReportSchema,
  RevealSchema,
  UrgeSchema,
  InstructSchema,
} from './schemas/item-actions'
import { STATUSES, type Status } from './statuses'

/**
 * The life of a suggestion, defined once. Everything else (the status type, the database
 * CHECK constraints, the server's checks, which buttons and forms a reviewer sees, which
 * events a worker sees) derives from these tables.
 */

export { ANSWERED_STATUSES, STATUSES, type Status } from './statuses'

/** Who performs an action. `worker` is the anonymous or named submitter, acting by follow-up code. */
export type ActorKind = 'worker' | 'officer' | 'handler' | 'leader' | 'system'

/** One action on an item. */
interface ActionRule {
  /** The statuses it may start from. */
  from: readonly Status[]
  /** The status it leads to; null when the item keeps its status. */
  to: Status | null
  /** Who may perform it: nobody else, whatever the status. */
  by: readonly ActorKind[]
  /** What a reviewer sends for it. */
  body: GenericSchema
  /** The admin form that asks for it (accepting and reclassifying share one, so do the two reasons). */
  form: 'classify' | 'dispatch' | 'report' | 'reply' | 'close' | 'reason' | 'merge' | 'note' | 'reveal' | 'urge' | 'instruct'
  /** Its button: the next step of a normal life is primary, side actions plain, a refusal danger. */
  tone: 'primary' | 'plain' | 'danger'
}

const NOT_MERGED = STATUSES.filter((s) => s !== 'merged')

/**
 * Every action on an item, in the order the admin view offers them (the next step of a normal
 * life first). Any status, actor or action not listed here is refused.
 */
export const ACTIONS = {
  /** The union takes the item in and classifies it. */
  accept: { from: ['submitted'], to: 'accepted', by: ['officer'], body: ClassificationSchema, form: 'classify', tone: 'primary' },
  /** The last open dispatch has been reported back by its unit. */
  report: { from: ['dispatched'], to: 'reported', by: ['handler', 'officer'], body: ReportSchema, form: 'report', tone: 'primary' },
  /** Sent to a unit with leader, responsible person and deadline; may be repeated for more units. */
  dispatch: { from: ['accepted', 'dispatched', 'reported'], to: 'dispatched', by: ['officer'], body: DispatchSchema, form: 'dispatch', tone: 'primary' },
  /** The union answers the worker (directly after acceptance, or after the report). */
  reply: { from: ['accepted', 'reported'], to: 'replied', by: ['officer'], body: ReplySchema, form: 'reply', tone: 'primary' },
  /** The loop is closed. */
  close: { from: ['replied'], to: 'closed', by: ['officer'], body: CloseSchema, form: 'close', tone: 'primary' },
  /** Back to the union: the worker was not satisfied (by rating), or the union reopens it. */
  reopen: { from: ['replied', 'closed', 'declined'], to: 'accepted', by: ['worker', 'officer'], body: ReasonSchema, form: 'reason', tone: 'plain' },
  /** Declined with a reason the worker sees. */
  decline: { from: ['submitted', 'accepted'], to: 'declined', by: ['officer'], body: ReasonSchema, form: 'reason', tone: 'danger' },
  /** A duplicate of another item; its worker follows the main item's answer. */
  merge: { from: ['submitted', 'accepted'], to: 'merged', by: ['officer'], body: MergeSchema, form: 'merge', tone: 'plain' },
  /** A new category, summary, tags or proposal mark; a merged item follows its main item instead. */
  classify: { from: NOT_MERGED, to: null, by: ['officer'], body: ClassificationSchema, form: 'classify', tone: 'plain' },
  /** 催办: the union presses a unit on an open dispatch that is overdue or near its deadline (a message to the unit). */
  urge: { from: ['dispatched'], to: null, by: ['officer'], body: UrgeSchema, form: 'urge', tone: 'plain' },
  /** 批示: a supervising leader's instruction to the unit and the union (internal; a message to the unit). */
  instruct: { from: ['accepted', 'dispatched', 'reported'], to: null, by: ['leader'], body: InstructSchema, form: 'instruct', tone: 'plain' },
  /** An internal note on the timeline. */
  note: { from: STATUSES, to: null, by: ['officer', 'handler', 'leader'], body: NoteSchema, form: 'note', tone: 'plain' },
  /** Shows a named submitter to one handler or leader, with a reason. */
  reveal: { from: STATUSES, to: null, by: ['officer'], body: RevealSchema, form: 'reveal', tone: 'plain' },
} as const satisfies Record<string, ActionRule>

export type Action = keyof typeof ACTIONS

export const ACTION_NAMES = Object.keys(ACTIONS) as Action[]

/** The actions that change the item's status. */
export type Transition = { [A in Action]: (typeof ACTIONS)[A]['to'] extends Status ? A : never }[Action]

const TRANSITIONS = ACTION_NAMES.filter((a): a is Transition => ACTIONS[a].to !== null)

/** What a reviewer sends for `A`, once its schema has run. */
export type ActionBody<A extends Action> = InferOutput<(typeof ACTIONS)[A]['body']>

export function isAction(name: string): name is Action {
  return (ACTION_NAMES as string[]).includes(name)
}

/** Whether `actor` may ever perform `action` (the status then decides). */
export function performedBy(action: Action, actor: ActorKind): boolean {
  return (ACTIONS[action].by as readonly ActorKind[]).includes(actor)
}

/** The outcome of asking for an action: a value, never an exception. `to` is null when the status stays. */
export type TransitionResult =
  | { ok: true; action: Action; from: Status; to: Status | null }
  | { ok: false; code: 'transition_not_allowed'; action: Action; from: Status; allowed: Action[] }
  | { ok: false; code: 'actor_not_allowed'; action: Action; from: Status; actor: ActorKind }

/** Applies `action` to an item in `status`, performed by `actor`. Pure. */
export function transition(status: Status, action: Action, actor: ActorKind): TransitionResult {
  const rule: ActionRule = ACTIONS[action]
  if (!rule.from.includes(status)) {
    return { ok: false, code: 'transition_not_allowed', action, from: status, allowed: actionsFrom(status) }
  }
  if (!performedBy(action, actor)) return { ok: false, code: 'actor_not_allowed', action, from: status, actor }
  return { ok: true, action, from: status, to: rule.to }
}

/** The actions that may start from `status`, optionally only those `actor` may perform, in the table's order. */
export function actionsFrom(status: Status, actor?: ActorKind): Action[] {
  return ACTION_NAMES.filter((action) => {
    const rule: ActionRule = ACTIONS[action]
    return rule.from.includes(status) && (actor === undefined || performedBy(action, actor))
  })
}

/** Event kinds that are not actions on the table: the item's creation, partial reports, the worker's say. */
const OTHER_EVENT_KINDS = ['submit', 'assignment_report', 'rate', 'message'] as const

export type EventKind = Action | (typeof OTHER_EVENT_KINDS)[number]

/** Every kind of event; the database's CHECK constraint lists the same (a test compares them). */
export const EVENT_KINDS: readonly EventKind[] = [...ACTION_NAMES, ...OTHER_EVENT_KINDS]

/**
 * Event kinds a worker may see on their own item's timeline: every status change, and their own
 * and the item's creation; never notes, reclassifications, partial reports or reveals.
 */
export const PUBLIC_EVENT_KINDS: readonly EventKind[] = ['submit', ...TRANSITIONS, 'rate', 'message']
