import { sql, type Kysely } from 'kysely'
import type { SubmitOutcome } from '../../shared/api'
import { errorMessage, errorStatus, type ErrorCode } from '../../shared/errors'
import { canonicalFollowUpCode } from '../../shared/follow-up-code'
import { ENTRY_POINT_CODE } from '../../shared/limits'
import type { Lang } from '../../shared/lang'
import { itemNumber } from '../../shared/item-number'
import { chinaYear, dayStart, todayInChina } from '../../shared/time'
import { isUuidV7 } from '../../shared/uuid'
import { SubmitItemSchema, validate, type FieldError, type SubmitItem } from '../../shared/validation'
import type { Database } from '../db/schema'
import { hashFollowUpCode, hashPayload, payloadFields, samePayload } from './hashing'
import { contentGrams } from './search-grams'

/** A budget of new items (per address): reserve before storing, give back what was not stored. */
export type ItemBudget = (n: number) => Promise<{ ok: true; giveBack: (n: number) => Promise<void> } | { ok: false; retryAfterS: number }>

export interface SubmitAnswer {
  outcomes: SubmitOutcome[]
  /** Set when items wait for the budget: seconds until it refills. */
  retryAfterS?: number
}

interface Stored {
  id: string
  payload_hash: string
  follow_up_hash: string
  received_at: Date
  serial_year: number
  serial_seq: number
}

interface NewItem {
  index: number
  item: SubmitItem
  raw: unknown
  entryPoint: { id: string; unit_id: string }
}

/**
 * Stores each item of a submission exactly once. A replay of a stored item is recognised first,
 * whatever changed since (its QR code deactivated, a stricter rule): it is answered `duplicate`.
 * Every other item is validated and written in its own transaction, so one bad item neither
 * blocks nor half-writes the others. A stored item gets its readable number in that transaction;
 * `clock` is its arrival time (tests set it to cross a year).
 */
export async function submitItems(
  db: Kysely<Database>,
  rawItems: unknown[],
  lang: Lang,
  budget?: ItemBudget,
  clock: () => Date = () => new Date(),
): Promise<SubmitAnswer> {
  const { stored, there, entryPoints, offered } = await batchContext(db, rawItems)
  // New items' places stay empty until they are stored.
  const outcomes: Array<SubmitOutcome | null> = []
  const fresh: NewItem[] = []
  for (const [index, raw] of rawItems.entries()) {
    const rawId = rawIdOf(raw)
    const existing = rawId ? stored.get(rawId) : undefined
    if (existing && isReplay(raw, existing)) {
      outcomes.push(duplicate(existing))
      continue
    }
    const checked = validate(SubmitItemSchema, raw)
    if (!checked.ok) {
      outcomes.push(rejected(rawId, checked.errors[0]!.code, lang, checked.errors))
      continue
    }
    const item = checked.value
    if (existing) {
      outcomes.push(rejected(item.id, 'id_conflict', lang))
      continue
    }
    const entryPoint = entryPoints.get(item.entryPoint)
    if (!entryPoint) {
      outcomes.push(rejected(item.id, 'unknown_entry_point', lang, [{ path: 'entryPoint', code: 'unknown_entry_point' }]))
      continue
    }
    if (!offered.has(item.category)) {
      outcomes.push(rejected(item.id, 'unknown_category', lang, [{ path: 'category', code: 'unknown_category' }]))
      continue
    }
    outcomes.push(null)
    fresh.push({ index, item, raw, entryPoint })
  }
  if (!fresh.length) return { outcomes: outcomes as SubmitOutcome[] }

  const reserved = budget ? await budget(fresh.length) : null
  if (reserved && !reserved.ok) {
    for (const f of fresh) outcomes[f.index] = rejected(f.item.id, 'rate_limited', lang)
    return { outcomes: outcomes as SubmitOutcome[], retryAfterS: reserved.retryAfterS }
  }
  let created = 0
  try {
    for (const [i, outcome] of (await storeAll(db, fresh, lang, clock, there)).entries()) {
      outcomes[fresh[i]!.index] = outcome
      if (outcome.result === 'created') created++
    }
  } finally {
    // Only items stored count: a copy that raced us in, or a database that went away mid-batch
    // (the device sends the batch again), costs nothing.
    if (reserved?.ok && created < fresh.length) await reserved.giveBack(fresh.length - created).catch(() => {})
  }
  return { outcomes: outcomes as SubmitOutcome[] }
}

/**
 * The batch's new items in one statement, whatever their number (`insertItems`). What is already
 * there (a copy that came first, a code another item holds, the same item twice in the batch) is
 * answered without a write; the rest is inserted at once with numbers in a row, and their submit
 * events with it. Should the insert still skip a row (a copy committed after the look) the
 * statement fails and the batch looks again, so numbers stay without gaps. Should the database refuse the batch outright (a QR point removed
 * meanwhile), each item is tried on its own: one item never keeps the others out.
 */
async function storeAll(db: Kysely<Database>, fresh: NewItem[], lang: Lang, clock: () => Date, there: Stored[] | null = null): Promise<SubmitOutcome[]> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // The first attempt trusts the batch's first look; a second one looks again.
      return await storeBatch(db, fresh, lang, clock, attempt ? null : there)
    } catch (error) {
      // A copy committed after the look: the statement was undone, numbers and all; look again.
      if ((error as { code?: unknown }).code === NOT_INSERTED) continue
      if (!isConstraintViolation(error)) throw error
      if (fresh.length === 1) return [rejected(fresh[0]!.item.id, refusal(error), lang)]
      const outcomes: SubmitOutcome[] = []
      for (const f of fresh) outcomes.push(...(await storeAll(db, [f], lang, clock)))
      return outcomes
    }
  }
  // Rows skipped three times over, yet found by nobody: not a state the tables can be in.
  throw new Error(`${fresh.length} items were neither stored nor found`)
}

/** The SQLSTATE of `submit_all_inserted` (migration 23). */
const NOT_INSERTED = 'YJ409'

async function storeBatch(db: Kysely<Database>, fresh: NewItem[], lang: Lang, clock: () => Date, looked: Stored[] | null): Promise<SubmitOutcome[]> {
  // The arrival time is set here, not by the database, so that it and the year agree.
  const receivedAt = clock()
  const year = chinaYear(receivedAt)
  const hashes = fresh.map((f) => ({ followUp: hashFollowUpCode(f.item.followUpCode), payload: hashPayload(payloadFields(f.raw)!, f.item.followUpCode) }))
  const there = looked ?? (await batchContext(db, fresh.map((f) => f.raw))).there
  const byId = new Map(there.map((r) => [r.id, r]))
  const codeHolder = new Map(there.map((r) => [r.follow_up_hash, r.id]))
  const outcomes: Array<SubmitOutcome | null> = []
  // The rows to write; an item given twice in the batch is answered as a replay of the first.
  const rows: Array<Stored & { f: NewItem }> = []
  for (const [i, f] of fresh.entries()) {
    const h = hashes[i]!
    const same = byId.get(f.item.id)
    if (same) {
      // A copy of an item of this batch is answered with its number once it has one (below).
      outcomes.push(!isReplay(f.raw, same) ? rejected(f.item.id, 'id_conflict', lang) : same.serial_seq ? duplicate(same) : null)
      continue
    }
    if (codeHolder.has(h.followUp)) {
      outcomes.push(rejected(f.item.id, 'follow_up_code_taken', lang))
      continue
    }
    const row = { f, id: f.item.id, payload_hash: h.payload, follow_up_hash: h.followUp, received_at: receivedAt, serial_year: year, serial_seq: 0 }
    byId.set(row.id, row)
    codeHolder.set(h.followUp, row.id)
    rows.push(row)
    outcomes.push(null)
  }
  if (rows.length) {
    const seqs = await insertItems(db, rows, receivedAt, year)
    for (const r of rows) r.serial_seq = seqs.get(r.id)!
  }
  const created = new Set<string>()
  return outcomes.map((o, i) => {
    if (o) return o
    const row = byId.get(fresh[i]!.item.id)!
    if (created.has(row.id)) return duplicate(row)
    created.add(row.id)
    return { id: row.id, result: 'created', status: 201, receivedAt: receivedAt.toISOString(), number: itemNumber(year, row.serial_seq) }
  })
}

/**
 * One statement, so one round trip and its own transaction: the year's counter row is locked
 * from here to the commit and no longer (concurrent batches of a year take their numbers one
 * after another, each a run without gaps), the items go in with their numbers, and their submit
 * events with them. A row skipped as already there fails the statement, and nothing of it stays.
 */
async function insertItems(db: Kysely<Database>, rows: Array<Stored & { f: NewItem }>, receivedAt: Date, year: number): Promise<Map<string, number>> {
  const col = <T>(pick: (r: Stored & { f: NewItem }) => T) => rows.map(pick)
  const item = (r: Stored & { f: NewItem }) => r.f.item
  const result = await sql<{ ok: boolean; ids: string[]; seqs: number[] }>`
    with counter as (
      insert into serial_counters (year, last) values (${year}, ${rows.length})
      on conflict (year) do update set last = serial_counters.last + excluded.last
      returning last
    ), inserted as (
      insert into suggestions (id, follow_up_hash, payload_hash, entry_point_id, unit_id, category, content, anonymous,
        submitter_name, submitter_employee_no, submitter_phone, device_created_at, content_grams, received_at, serial_year, serial_seq)
      select t.id, t.follow_up_hash, t.payload_hash, t.entry_point_id, t.unit_id, t.category, t.content, t.anonymous,
        t.submitter_name, t.submitter_employee_no, t.submitter_phone, t.device_created_at, t.content_grams::text[], ${receivedAt}::timestamptz, ${year}::int,
        (select last from counter) - ${rows.length}::int + t.n::int
      from unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.follow_up_hash)}::text[], ${col((r) => r.payload_hash)}::text[],
        ${col((r) => r.f.entryPoint.id)}::uuid[], ${col((r) => r.f.entryPoint.unit_id)}::uuid[], ${col((r) => item(r).category)}::text[],
        ${col((r) => item(r).content)}::text[], ${col((r) => item(r).anonymous)}::boolean[],
        ${col((r) => (item(r).anonymous ? null : (item(r).submitter?.name ?? null)))}::text[],
        ${col((r) => (item(r).anonymous ? null : item(r).submitter?.employeeNo || null))}::text[],
        ${col((r) => (item(r).anonymous ? null : item(r).submitter?.phone || null))}::text[],
        ${col((r) => deviceTime(item(r)).toISOString())}::timestamptz[], ${col((r) => arrayLiteral(contentGrams(item(r).content)))}::text[])
        with ordinality as t(id, follow_up_hash, payload_hash, entry_point_id, unit_id, category, content, anonymous,
          submitter_name, submitter_employee_no, submitter_phone, device_created_at, content_grams, n)
      -- No target: a concurrent copy may collide on the code's index before the id's; both mean "look".
      on conflict do nothing
      returning id, serial_seq
    ), events as (
      insert into suggestion_events (suggestion_id, kind, to_status, actor_kind, is_public)
      select id, 'submit', 'submitted', 'worker', true from inserted
    )
    -- One row whatever was inserted, so the check always runs.
    select submit_all_inserted((select count(*) from inserted), ${rows.length}) as ok,
      array(select i.id::text from inserted i) as ids, array(select i.serial_seq from inserted i) as seqs`.execute(db)
  const { ids, seqs } = result.rows[0]!
  return new Map(ids.map((id, i) => [id, seqs[i]!]))
}

/** A text[] literal of `values`, each quoted: passed as one text per row, since arrays of arrays must be even. */
function arrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`).join(',')}}`
}

/**
 * What a batch is checked against, in one round trip: the rows already stored under its ids or
 * its follow-up codes, its active QR points, and the categories on offer.
 */
async function batchContext(db: Kysely<Database>, rawItems: unknown[]) {
  const field = (raw: unknown, key: string) => (raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined)
  const ids = [...new Set(rawItems.map(rawIdOf).filter((id): id is string => id !== null && isUuidV7(id)))]
  const codes = rawItems.map((raw) => field(raw, 'followUpCode')).map((c) => (typeof c === 'string' && c.length <= 64 ? canonicalFollowUpCode(c) : null))
  const hashes = [...new Set(codes.filter((c): c is string => !!c).map(hashFollowUpCode))]
  // Only what could be a code: the look runs before validation, on whatever was sent.
  const points = [...new Set(rawItems.map((raw) => field(raw, 'entryPoint')).filter((c): c is string => typeof c === 'string' && ENTRY_POINT_CODE.test(c)))]
  const { rows } = await sql<{ stored: Array<Omit<Stored, 'received_at'> & { received_at: string }>; points: Array<{ code: string; id: string; unit_id: string }>; offered: string[] }>`
    select
      coalesce((select json_agg(json_build_object('id', s.id, 'payload_hash', s.payload_hash, 'follow_up_hash', s.follow_up_hash,
        'received_at', s.received_at, 'serial_year', s.serial_year, 'serial_seq', s.serial_seq))
        from suggestions s where s.id = any(${ids}::uuid[]) or s.follow_up_hash = any(${hashes}::text[])), '[]') as stored,
      coalesce((select json_agg(json_build_object('code', e.code, 'id', e.id, 'unit_id', e.unit_id))
        from entry_points e where e.code = any(${points}::text[]) and e.active), '[]') as points,
      array(select c.id from categories c where c.retired_at is null) as offered`.execute(db)
  const row = rows[0]!
  const there: Stored[] = row.stored.map((r) => ({ ...r, received_at: new Date(r.received_at) }))
  return {
    /** The stored rows by id. */
    stored: new Map(there.map((r) => [r.id, r])),
    there,
    entryPoints: new Map(row.points.map((p) => [p.code, { id: p.id, unit_id: p.unit_id }])),
    offered: new Set(row.offered),
  }
}

/** The same item again: same code, same fields as first stored (with the rules of that day). */
function isReplay(raw: unknown, row: Stored): boolean {
  const code = canonicalFollowUpCode((raw as { followUpCode?: unknown }).followUpCode as string)
  const fields = payloadFields(raw)
  return !!code && !!fields && hashFollowUpCode(code) === row.follow_up_hash && samePayload(row.payload_hash, fields, code)
}

/**
 * Anonymous items keep only the day the device made them: the exact time, set against the time
 * of arrival, gives away the phone's clock error, which can tie an anonymous item to a named one.
 */
function deviceTime(item: SubmitItem): Date {
  const at = new Date(item.createdAt)
  return item.anonymous ? dayStart(todayInChina(at)) : at
}

function duplicate(row: Stored): SubmitOutcome {
  return { id: row.id, result: 'duplicate', status: 200, receivedAt: row.received_at.toISOString(), number: itemNumber(row.serial_year, row.serial_seq) }
}

function rejected(id: string | null, code: ErrorCode, lang: Lang, details?: FieldError[]): SubmitOutcome {
  return {
    id,
    result: 'rejected',
    status: errorStatus(code),
    error: { code, message: errorMessage(code, lang), ...(details?.length ? { details } : {}) },
  }
}

function rawIdOf(raw: unknown): string | null {
  const id = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined
  return typeof id === 'string' && id.length <= 64 ? id : null
}

/** Why the database refused an item that passed validation: its QR point or category went meanwhile. */
function refusal(error: unknown): ErrorCode {
  const text = `${(error as { constraint?: string }).constraint ?? ''} ${(error as Error).message ?? ''}`
  if (text.includes('entry_point') || text.includes('unit_id')) return 'unknown_entry_point'
  if (text.includes('category')) return 'unknown_category'
  return 'invalid_request'
}

/** A row the database refused (a check, a missing QR point or category): class 23 of SQLSTATE. */
function isConstraintViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('23')
}

/** The HTTP status of a whole submission: the items' common status, or 207 when they differ. */
export function batchStatus(outcomes: SubmitOutcome[]): number {
  const first = outcomes[0]?.status ?? 200
  return outcomes.every((o) => o.status === first) ? first : 207
}
