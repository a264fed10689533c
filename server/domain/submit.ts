import type { Kysely } from 'kysely'
import type { SubmitOutcome } from '../../shared/api'
import { errorMessage, errorStatus, type ErrorCode } from '../../shared/errors'
import type { Lang } from '../../shared/lang'
import { SubmitItemSchema, validate, type FieldError, type SubmitItem } from '../../shared/validation'
import type { Database } from '../db/schema'
import { hashFollowUpCode, hashPayload } from './hashing'
import { contentGrams } from './search-grams'

/**
 * Stores each item of a submission exactly once. Items are independent: each is validated and
 * written in its own transaction, so one bad item neither blocks nor half-writes the others.
 */
export async function submitItems(db: Kysely<Database>, rawItems: unknown[], lang: Lang): Promise<SubmitOutcome[]> {
  const entryPoints = new Map<string, { id: string; unit_id: string } | null>()
  const outcomes: SubmitOutcome[] = []
  for (const raw of rawItems) {
    const rawId = rawIdOf(raw)
    const checked = validate(SubmitItemSchema, raw)
    if (!checked.ok) {
      outcomes.push(rejected(rawId, checked.errors[0]!.code, lang, checked.errors))
      continue
    }
    const item = checked.value
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
    outcomes.push(await storeOne(db, item, entryPoint, lang))
  }
  return outcomes
}

async function storeOne(
  db: Kysely<Database>,
  item: SubmitItem,
  entryPoint: { id: string; unit_id: string },
  lang: Lang,
): Promise<SubmitOutcome> {
  const followUpHash = hashFollowUpCode(item.followUpCode)
  const payloadHash = hashPayload(item)
  try {
    return await db.transaction().execute(async (trx) => {
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
          device_created_at: item.createdAt,
          content_grams: contentGrams(item.content),
        })
        // No target: a concurrent copy may collide on the code's index before the id's; both mean "look".
        .onConflict((oc) => oc.doNothing())
        .returning('received_at')
        .executeTakeFirst()
      if (inserted) {
        await trx
          .insertInto('suggestion_events')
          .values({
            suggestion_id: item.id,
            kind: 'submit',
            to_status: 'submitted',
            actor_kind: 'worker',
            is_public: true,
          })
          .execute()
        return { id: item.id, result: 'created', status: 201, receivedAt: inserted.received_at.toISOString() } as const
      }
      const existing = await trx
        .selectFrom('suggestions')
        .select(['payload_hash', 'follow_up_hash', 'received_at'])
        .where('id', '=', item.id)
        .executeTakeFirst()
      if (!existing) return rejected(item.id, 'follow_up_code_taken', lang)
      if (existing.payload_hash === payloadHash && existing.follow_up_hash === followUpHash) {
        return { id: item.id, result: 'duplicate', status: 200, receivedAt: existing.received_at.toISOString() } as const
      }
      return rejected(item.id, 'id_conflict', lang)
    })
  } catch (error) {
    if (isUniqueViolation(error, 'suggestions_follow_up_hash')) return rejected(item.id, 'follow_up_code_taken', lang)
    throw error
  }
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
