import type { ColumnType, Generated } from 'kysely'
import type { ActorKind, EventKind, Status } from '../../shared/lifecycle'
import type { Outcome } from '../../shared/outcomes'
import type { PhotoOrigin } from '../../shared/photos'
import type { Rating } from '../../shared/ratings'
import type { Role } from '../../shared/roles'
import type { ChannelKind, MessageKind, NotifyMessage, TriageMode } from '../../shared/notify'
import type { UnitKind } from '../../shared/unit-kinds'

/**
 * Database table types; value lists (statuses, roles, kinds) come from `shared/`. API types live in
 * `shared/api.ts` and `shared/admin-api.ts`; the domain module that reads the rows maps them
 * (`domain/public-view.ts`, `domain/items/list.ts` `toSummary`).
 */
export interface Database {
  org_units: OrgUnitTable
  entry_points: EntryPointTable
  suggestions: SuggestionTable
  suggestion_events: SuggestionEventTable
  users: UserTable
  sessions: SessionTable
  rate_limits: RateLimitTable
  assignments: AssignmentTable
  reply_templates: ReplyTemplateTable
  identity_reveals: IdentityRevealTable
  entry_point_scans: EntryPointScanTable
  categories: CategoryTable
  serial_counters: SerialCounterTable
  item_facts: ItemFactTable
  item_tallies: ItemTallyTable
  item_open_tallies: ItemOpenTallyTable
  item_answer_tallies: ItemAnswerTallyTable
  notify_settings: NotifySettingsTable
  notify_channels: NotifyChannelTable
  notify_outbox: NotifyOutboxTable
  notify_marks: NotifyMarkTable
  photos: PhotoTable
  photo_chunks: PhotoChunkTable
}

type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>

export interface OrgUnitTable {
  id: Generated<string>
  parent_id: string | null
  /** Materialised path of ids, `/root/child/…/self/`: a subtree is one `LIKE 'prefix%'`. */
  path: string
  kind: UnitKind
  name: string
  sort: Generated<number>
  /** The union's promised days to answer, for this unit's subtree (the nearest set one counts). */
  reply_within_days: ColumnType<number | null, number | null | undefined, number | null>
  /** The union's title line and footer on its QR posters, for this unit's subtree (the nearest set one counts). */
  poster_title: ColumnType<string | null, string | null | undefined, string | null>
  poster_footer: ColumnType<string | null, string | null | undefined, string | null>
  created_at: CreatedAt
}

/** The categories of items, as admins keep them. Retired, never deleted: items keep their id. */
export interface CategoryTable {
  /** A short slug (`leadership`, or one the server made): what items carry. */
  id: string
  label_zh: string
  /** Empty when the admins gave no English label. */
  label_en: ColumnType<string, string | undefined, string>
  sort: number
  retired_at: Date | null
  created_at: CreatedAt
  updated_at: UpdatedAt
}

export interface EntryPointTable {
  id: Generated<string>
  /** The short code in the QR poster's URL (`/?s=code`). */
  code: string
  unit_id: string
  name: string
  active: Generated<boolean>
  created_at: CreatedAt
}

export interface SuggestionTable {
  /** Made by the device (UUIDv7): the idempotency key. */
  id: string
  /** SHA-256 of the canonical follow-up code; the code itself is never stored. */
  follow_up_hash: string
  /** SHA-256 of the item as submitted (without the code): tells a replay from a conflict. */
  payload_hash: string
  entry_point_id: string
  /** The unit the entry point belonged to at submission: what scopes access. */
  unit_id: string
  category: string
  content: string
  anonymous: boolean
  submitter_name: string | null
  submitter_employee_no: string | null
  submitter_phone: string | null
  status: ColumnType<Status, Status | undefined, Status>
  device_created_at: ColumnType<Date, Date | string, never>
  received_at: CreatedAt
  updated_at: UpdatedAt
  /** Bumped by every change: optimistic concurrency for reviewers' edits. */
  version: ColumnType<number, number | undefined, number>
  merged_into: string | null
  summary: ColumnType<string | null, string | null | undefined, string | null>
  tags: ColumnType<string[], string[] | undefined, string[]>
  is_proposal: ColumnType<boolean, boolean | undefined, boolean>
  rating: ColumnType<Rating | null, Rating | null | undefined, Rating | null>
  /** Distinct characters and character pairs of the content, for indexed substring search. */
  content_grams: ColumnType<string[], string[] | undefined, string[]>
  /** The earliest deadline of the item's open dispatches, kept by a trigger on assignments (migration 25). */
  open_deadline: ColumnType<Date | null, never, never>
  /** The readable number `YJ-<serial_year>-<serial_seq>`: China year of arrival, gap-free per year. */
  serial_year: ColumnType<number, number, never>
  serial_seq: ColumnType<number, number, never>
}

/** The last readable number given in each China year (see `suggestions.serial_seq`). */
export interface SerialCounterTable {
  year: number
  last: number
}

export interface SuggestionEventTable {
  id: Generated<number>
  suggestion_id: string
  kind: EventKind
  from_status: Status | null
  to_status: Status | null
  actor_kind: ActorKind
  actor_user_id: string | null
  /** Internal note: reviewers only. */
  note: string | null
  /** Text the worker may read (a reply, a decline reason, their own message). */
  public_text: string | null
  is_public: boolean
  data: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>
  /** The device's id for a worker's verdict or message: a replay is recognised by it. */
  client_id: string | null
  created_at: CreatedAt
}

export interface UserTable {
  id: Generated<string>
  username: string
  display_name: string
  password_hash: string
  role: Role
  unit_id: string
  active: Generated<boolean>
  created_at: CreatedAt
  updated_at: UpdatedAt
}

export interface SessionTable {
  token_hash: string
  user_id: string
  csrf_token: string
  created_at: CreatedAt
  last_seen_at: UpdatedAt
  expires_at: ColumnType<Date, Date | string, Date | string>
}

/** A fixed-window counter: an HMAC key (its secret is not in the database), the window's end, a count. */
export interface RateLimitTable {
  key: string
  expires_at: ColumnType<Date, Date | string, Date | string>
  count: number
}

export interface AssignmentTable {
  id: Generated<string>
  suggestion_id: string
  unit_id: string
  leader_id: string
  responsible_id: string
  deadline: ColumnType<Date, Date | string, Date | string>
  instructions: string | null
  state: ColumnType<'open' | 'reported', 'open' | 'reported' | undefined, 'open' | 'reported'>
  outcome: Outcome | null
  report_text: string | null
  reported_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  reported_by: string | null
  created_by: string
  created_at: CreatedAt
}

export interface ReplyTemplateTable {
  id: Generated<string>
  unit_id: string
  title: string
  body: string
  created_by: string | null
  created_at: CreatedAt
}

export interface IdentityRevealTable {
  suggestion_id: string
  user_id: string
  revealed_by: string
  reason: string
  created_at: CreatedAt
}

/** How often a QR point was scanned on a China day: a count, nothing that could name a scanner. */
export interface EntryPointScanTable {
  entry_point_id: string
  /** `YYYY-MM-DD`, China time. */
  day: ColumnType<string, string, never>
  scans: number
}

/**
 * What one item counts for in the union's figures, as last counted by the triggers of
 * migration 21 (read-only here: the database writes it). `day` is the China date of arrival.
 */
export interface ItemFactTable {
  suggestion_id: string
  day: string
  unit_id: string
  entry_point_id: string
  category: string
  status: Status
  rating: Rating | null
  is_proposal: boolean
  dispatched: boolean
  done: boolean
  reported: number
  on_time: number
  /** The first answer's delay step (`answer_bucket`), null before any answer. */
  answer_bucket: number | null
  /** The first day of the deadline's China month, per open dispatch. */
  open_months: string[]
  /** The month of the earliest open deadline. */
  overdue_month: string | null
}

/** The keys of the sums: per China day (`d`), month (`m`) or year (`y`) of arrival; `period` is its first day. */
interface TallyKey {
  grain: 'd' | 'm' | 'y'
  period: string
  unit_id: string
  entry_point_id: string
  category: string
}

export interface ItemTallyTable extends TallyKey {
  /** Whether the items have a dispatch: those are what a handler or leader of the top unit sees. */
  has_dispatch: boolean
  received: number
  s_submitted: number
  s_accepted: number
  s_dispatched: number
  s_reported: number
  s_replied: number
  s_closed: number
  s_merged: number
  s_declined: number
  r_satisfied: number
  r_basically: number
  r_unsatisfied: number
  proposals: number
  done: number
  reported: number
  on_time: number
}

export interface ItemOpenTallyTable extends TallyKey {
  deadline_month: string
  open_dispatches: number
  overdue_items: number
}

export interface ItemAnswerTallyTable extends Omit<TallyKey, 'entry_point_id' | 'category'> {
  has_dispatch: boolean
  bucket: number
  items: number
}

/** The union's choices for messages (one row, id 1; migration 26). */
export interface NotifySettingsTable {
  id: number
  include_content: boolean
  triage_mode: TriageMode
  remind_days: number
  digest_hour: number
  triage_seen_until: Date | null
  updated_at: UpdatedAt
}

/** A work group's robot (企业微信, 钉钉) or any JSON webhook, for one unit's subtree. */
export interface NotifyChannelTable {
  id: Generated<string>
  unit_id: string
  kind: ChannelKind
  name: string
  url: string
  /** 钉钉's signing secret; null for the others. */
  secret: string | null
  active: Generated<boolean>
  created_at: CreatedAt
  updated_at: UpdatedAt
}

/** One message to one destination, waiting, being sent, sent or given up (server/notify/sender.ts). */
export interface NotifyOutboxTable {
  id: Generated<string>
  /** Null: the deployment's fallback webhook (NOTIFY_WEBHOOK_URL). */
  channel_id: string | null
  kind: MessageKind
  suggestion_id: string | null
  message: ColumnType<NotifyMessage, string, string>
  state: ColumnType<'pending' | 'sending' | 'sent' | 'failed', 'pending' | 'sending' | 'sent' | 'failed' | undefined, 'pending' | 'sending' | 'sent' | 'failed'>
  attempts: ColumnType<number, number | undefined, number>
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>
  claimed_until: ColumnType<Date | null, never, Date | string | null>
  last_error: ColumnType<string | null, string | null | undefined, string | null>
  created_at: CreatedAt
  sent_at: ColumnType<Date | null, never, Date | string | null>
}

/** A reminder or digest the planner has written (server/jobs/notify-planner.ts): its key, once. */
export interface NotifyMarkTable {
  key: string
  created_at: CreatedAt
}

/** A photo of an item (migration 27): arriving in chunks, then whole as the server's own re-encoding. */
export interface PhotoTable {
  id: Generated<string>
  suggestion_id: string
  origin: PhotoOrigin
  sha256: string
  uploaded_by: string | null
  assignment_id: ColumnType<string | null, string | null | undefined, string | null>
  total_bytes: number
  received_bytes: ColumnType<number, number | undefined, number>
  complete: ColumnType<boolean, boolean | undefined, boolean>
  width: ColumnType<number | null, number | null | undefined, number | null>
  height: ColumnType<number | null, number | null | undefined, number | null>
  image: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>
  thumb: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>
  created_at: CreatedAt
  completed_at: ColumnType<Date | null, Date | null | undefined, Date | null>
}

export interface PhotoChunkTable {
  photo_id: string
  start: number
  data: Buffer
}
