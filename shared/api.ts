import type { PhotoView } from './photos'
import type { Category, CategoryId } from './categories'
import type { ErrorCode } from './errors'
import type { EventKind, Status } from './lifecycle'
import type { FieldError } from './validation'

/** The one error shape on the wire. `details` lists every problem found, with its place. */
export interface ApiError {
  error: { code: ErrorCode; message: string; details?: FieldError[] }
}

/** `GET /api/health` */
export interface HealthResponse {
  ok: true
  database: 'pglite' | 'postgres'
  version: string
}

/** `GET /api/entry-points/:code`: where a QR code hangs, for "来自：…". */
export interface EntryPointInfo {
  code: string
  name: string
  /** The unit's name and its ancestors', nearest last, e.g. ["艾家湾采油作业区", "第一中心站"]. */
  unitPath: string[]
  /** The union's promised days to answer items from here; null when it promised none. */
  replyWithinDays: number | null
}

/**
 * `GET /api/entry-points/:code` answers with the place and every category, retired ones too
 * (their labels still name old items); the form offers those not retired.
 */
export interface EntryPointAnswer extends EntryPointInfo {
  categories: Category[]
}

/**
 * The outcome of one item of a submission. `created` and `duplicate` both mean the server
 * holds the item: the device may forget it; `number` is its readable number (`YJ-2026-0001`). Anything else must stay in the outbox or be shown.
 */
export type SubmitOutcome =
  | { id: string; result: 'created'; status: 201; receivedAt: string; number: string }
  | { id: string; result: 'duplicate'; status: 200; receivedAt: string; number: string }
  | { id: string | null; result: 'rejected'; status: number; error: { code: ErrorCode; message: string; details?: FieldError[] } }

/**
 * `POST /api/suggestions` answers with one outcome per item, in order. The HTTP status is the
 * items' shared status when they all have the same one (201, 200, 400, 409, 422), else 207.
 */
export interface SubmitResponse {
  results: SubmitOutcome[]
}

/** A step of an item's history as its worker sees it: no internal notes, no reviewer names. */
export interface PublicEvent {
  kind: EventKind
  at: string
  status: Status | null
  /** The public text: a reply, a decline reason, the worker's own message. */
  text: string | null
  /** Extra public facts, e.g. the reply channel or the rating. */
  data: Record<string, string> | null
}

export interface TrackedItem {
  id: string
  /** The readable number reviewers know it by: `YJ-2026-0001`. */
  number: string
  status: Status
  category: CategoryId
  content: string
  anonymous: boolean
  entryPoint: EntryPointInfo | null
  receivedAt: string
  updatedAt: string
  /** Set when the item was merged: the main item's follow-up is what answers this worker. */
  mergedInto: { status: Status; events: PublicEvent[] } | null
  events: PublicEvent[]
  /** The worker's own photos as the server keeps them, and those a handler reported back with. */
  photos: PhotoView[]
}

/** `POST /api/track`: one answer per code asked, in order. */
export interface TrackResponse {
  results: Array<
    | { code: string; found: true; item: TrackedItem }
    | { code: string; found: false; reason: 'not_found' | 'invalid' }
  >
}
