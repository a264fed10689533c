import type { PhotoView } from './photos'
import type { CategoryId } from './categories'
import type { Action, ActorKind, EventKind, Status } from './lifecycle'
import type { Outcome } from './outcomes'
import type { Rating } from './ratings'
import type { CountName, DurationName, RateName } from './rates'
import type { Role } from './roles'

/** A unit as reviewers see it: its name and the names above it, root first. */
export interface UnitRef {
  id: string
  name: string
  path: string[]
}

/** `GET /api/auth/me`, and the answer to a login. */
export interface Me {
  id: string
  username: string
  displayName: string
  role: Role
  unit: UnitRef
  /** Sent back in `X-CSRF-Token` on every write. */
  csrfToken: string
}

export interface UserView {
  id: string
  username: string
  displayName: string
  role: Role
  unit: UnitRef
  active: boolean
  createdAt: string
}

/** `GET /api/admin/users` as an officer sees it: active non-admin people to dispatch to, no account details. */
export type StaffView = Pick<UserView, 'id' | 'displayName' | 'role' | 'unit'>

export interface UnitView {
  id: string
  parentId: string | null
  kind: string
  name: string
  sort: number
  /** Names from the root down to this unit. */
  path: string[]
}

export interface EntryPointView {
  id: string
  code: string
  name: string
  unit: UnitRef
  active: boolean
  /** The address the QR poster carries, relative to the site: `/?s=code`. */
  link: string
}

/** One row of the union's inbox. Never carries the submitter's identity. */
export interface ItemSummary {
  id: string
  /** The readable number reviewers speak of: `YJ-2026-0001`. */
  number: string
  status: Status
  category: CategoryId
  summary: string | null
  /** The start of the content, for the list. */
  excerpt: string
  tags: string[]
  isProposal: boolean
  anonymous: boolean
  entryPoint: { code: string; name: string }
  unit: { id: string; name: string }
  receivedAt: string
  updatedAt: string
  /** Dispatched and past a deadline without a report. */
  overdue: boolean
  /** The earliest deadline among open dispatches. */
  nextDeadline: string | null
  rating: Rating | null
}

/** `GET /api/admin/items`: newest first, keyset-paginated. */
export interface ItemPage {
  items: ItemSummary[]
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null
}

export interface PersonRef {
  id: string
  displayName: string
}

export interface AssignmentView {
  id: string
  unit: { id: string; name: string }
  leader: PersonRef
  responsible: PersonRef
  deadline: string
  instructions: string | null
  state: 'open' | 'reported'
  outcome: Outcome | null
  reportText: string | null
  reportedAt: string | null
  overdue: boolean
  /** The caller (an officer) may press this dispatch now (催办): open and overdue or near its deadline. */
  urgeable: boolean
}

/** A step of the full history, as reviewers see it. */
export interface AdminEvent {
  id: number
  kind: EventKind
  at: string
  fromStatus: Status | null
  toStatus: Status | null
  actor: { kind: ActorKind; name: string | null }
  /** Internal note: never shown to the worker. */
  note: string | null
  /** What the worker sees (reply, decline reason, their own message). */
  publicText: string | null
  isPublic: boolean
  data: Record<string, unknown> | null
}

/**
 * `GET /api/admin/items/:id`. `submitter` is the named submitter's identity when this
 * reviewer may see it; `hidden` when the item is named but not revealed to them; null when anonymous.
 */
export interface ItemDetail extends ItemSummary {
  content: string
  version: number
  submitter: { name: string; employeeNo: string | null; phone: string | null } | 'hidden' | null
  mergedInto: { id: string; number: string; summary: string | null; status: Status } | null
  duplicates: Array<{ id: string; number: string; status: Status }>
  assignments: AssignmentView[]
  events: AdminEvent[]
  /** The worker's photos and those reviewers reported back with (each with its dispatch). */
  photos: PhotoView[]
  /** What this reviewer may do now, in the lifecycle table's order. */
  allowed: Action[]
}

export interface ReplyTemplateView {
  id: string
  title: string
  body: string
}

/**
 * `GET /api/admin/items/stats`: the figures of `shared/rates.ts` (defined there, in words) over
 * the items received in the period that the reviewer may see, with counts by status and rating.
 */
export type Stats = Record<RateName, number | null> &
  Record<CountName, number> &
  Record<DurationName, number | null> & {
    byStatus: Record<Status, number>
    byRating: Record<Rating, number>
  }

/** `GET /api/admin/items/breakdown`: the same figures per group, most items first. */
export interface BreakdownRow extends Stats {
  /** The unit's or QR point's id, the category's id, or `YYYY-MM`. */
  key: string
  /** The unit's or QR point's name; the category's id and the month as they are (the client labels them). */
  name: string
}

/** `GET /api/admin/scans`: how often each QR point of the caller's subtree was scanned, per China day. */
export interface ScanCounts {
  from: string
  to: string
  total: number
  points: Array<{ id: string; code: string; name: string; total: number; days: Array<{ day: string; scans: number }> }>
}

/** One row of 我的待办: an open dispatch. Never carries the submitter's identity. */
export interface TaskView {
  assignmentId: string
  itemId: string
  /** The item's readable number, `YJ-2026-0001`. */
  number: string
  category: CategoryId
  /** The union's summary, else the start of the content. */
  summary: string
  unit: { id: string; name: string }
  leader: PersonRef
  responsible: PersonRef
  deadline: string
  /** China calendar days from today to the deadline's day: 0 due today, negative overdue. */
  daysLeft: number
  instructions: string | null
  status: Status
  /** Whether this reviewer may report on this dispatch now. */
  mayReport: boolean
}

/** `GET /api/admin/tasks`: soonest deadline first, at most 200 rows; `more` when others were left out. */
export interface TaskList {
  tasks: TaskView[]
  more: boolean
}
