import type { Kysely } from 'kysely'
import type { SubmitOutcome } from '../../shared/api'
import { errorMessage, errorStatus, type ErrorCode } from '../../shared/errors'
import { canonicalFollowUpCode } from '../../shared/follow-up-code'
import type { Lang } from '../../shared/lang'
import { itemNumber } from '../../shared/item-number'
import { chinaYear, dayStart, todayInChina } from '../../shared/time'
import { isUuidV7 } from '../../shared/uuid'
import { SubmitItemSchema, validate, type FieldError, type SubmitItem } from '../../shared/validation'
import type { Database } from '../db/schema'
import { offeredCategoryIds } from './categories'
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
  const stored = await storedRows(db, rawItems)
  const entryPoints = new Map<string, { id: string; unit_id: string } | null>()
  // Asked once per batch, and only when a new item needs it (replays never do).
  let offered: Set<string> | undefined
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
    if (!entryPoints.has(item.entryPoint)) {
      const found = await db
        .selectFrom('entry_points')
        .select(['id', 'unit_id'])
        .where('code', '=', item.entryPoint)
        .where('active', '=', true)
        .executeTakeFirst()
      entryPoints.set(item.entryPoint, found ?? null)
    }
    const entryPoint = entryPoints.get(item.entryPoint)
    if (!entryPoint) {
      outcomes.push(rejected(item.id, 'unknown_entry_point', lang, [{ path: 'entryPoint', code: 'unknown_entry_point' }]))
      continue
    }
    offered ??= await offeredCategoryIds(db)
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
    for (const f of fresh) {
      const outcome = await storeOne(db, f, lang, clock)
      outcomes[f.index] = outcome
      if (outcome.result === 'created') created++
    }
  } finally {
    // Only items stored count: a copy that raced us in, or a database that went away mid-batch
    // (the device sends the batch again), costs nothing.
    if (reserved?.ok && created < fresh.length) await reserved.giveBack(fresh.length - created).catch(() => {})
  }
  return { outcomes: outcomes as SubmitOutcome[] }
}

/** The rows already stored under the batch's ids, in one query. */
async function storedRows(db: Kysely<Database>, rawItems: unknown[]): Promise<Map<string, Stored>> {
  const ids = [...new Set(rawItems.map(rawIdOf).filter((id): id is string => id !== null && isUuidV7(id)))]
  if (!ids.length) return new Map()
  const rows = await db.selectFrom('suggestions').select(['id', 'payload_hash', 'follow_up_hash', 'received_at', 'serial_year', 'serial_seq']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r]))
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

/** Thrown to roll back a number taken for an item that was not inserted after all. */
class NotInserted extends Error {}

async function storeOne(db: Kysely<Database>, { item, raw, entryPoint }: NewItem, lang: Lang, clock: () => Date): Promise<SubmitOutcome> {
  const followUpHash = hashFollowUpCode(item.followUpCode)
  const payloadHash = hashPayload(payloadFields(raw)!, item.followUpCode)
  try {
    return await db.transaction().execute(async (trx) => {
      // The year's counter row stays locked until commit: concurrent items of a year take numbers one
      // after another. The arrival time is set here, not by the database, so that it and the year agree.
      const receivedAt = clock()
      const year = chinaYear(receivedAt)
      const { last: seq } = await trx
        .insertInto('serial_counters')
        .values({ year, last: 1 })
        .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last: eb('serial_counters.last', '+', 1) })))
        .returning('last')
        .executeTakeFirstOrThrow()
      const inserted = await trx
        .insertInto('suggestions')
        .values({
          id: item.id,
          follow_up_hash: followUpHash,
          payload_hash: payloadHash,
          entry_point_id: entryPoint.id,
          unit_id: entryPoint.unit_id,
          category: item.category,
          content: item.content,
          anonymous: item.anonymous,
          // Anonymous items store no identity; the schema already refused one, this is the invariant.
          submitter_name: item.anonymous ? null : (item.submitter?.name ?? null),
          submitter_employee_no: item.anonymous ? null : item.submitter?.employeeNo || null,
          submitter_phone: item.anonymous ? null : item.submitter?.phone || null,
          device_created_at: deviceTime(item),
          content_grams: contentGrams(item.content),
          received_at: receivedAt,
          serial_year: year,
          serial_seq: seq,
        })
        // No target: a concurrent copy may collide on the code's index before the id's; both mean "look".
        .onConflict((oc) => oc.doNothing())
        .returning('received_at')
        .executeTakeFirst()
      if (inserted) {
        await trx
          .insertInto('suggestion_events')
          .values({ suggestion_id: item.id, kind: 'submit', to_status: 'submitted', actor_kind: 'worker', is_public: true })
          .execute()
        return { id: item.id, result: 'created', status: 201, receivedAt: inserted.received_at.toISOString(), number: itemNumber(year, seq) } as const
      }
      throw new NotInserted()
    })
  } catch (error) {
    if (isUniqueViolation(error, 'suggestions_follow_up_hash')) return rejected(item.id, 'follow_up_code_taken', lang)
    if (!(error instanceof NotInserted)) throw error
  }
  // A copy that raced us in: its number stands, ours was given back with the rollback.
  const existing = await storedRows(db, [item])
  const row = existing.get(item.id)
  if (!row) return rejected(item.id, 'follow_up_code_taken', lang)
  return isReplay(raw, row) ? duplicate(row) : rejected(item.id, 'id_conflict', lang)
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

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string } | null
  return e?.code === '23505' && (e.constraint === constraint || (e.message ?? '').includes(constraint))
}

/** The HTTP status of a whole submission: the items' common status, or 207 when they differ. */
export function batchStatus(outcomes: SubmitOutcome[]): number {
  const first = outcomes[0]?.status ?? 200
  return outcomes.every((o) => o.status === first) ? first : 207
}
