import type { Kysely } from 'kysely'
import { normalizeFollowUpCode } from '../../../shared/follow-up-code'
import { isRatable, type Rating } from '../../../shared/ratings'
import type { Database } from '../../db/schema'
import { ApiError } from '../../http/api-error'
import { hashFollowUpCode } from '../hashing'
import { applyChange, applyTransition, lockItem, type Actor } from './write'

const WORKER: Actor = { kind: 'worker', userId: null }

/** The id of the item behind a follow-up code; a wrong code looks like a missing item. */
async function itemIdByCode(db: Kysely<Database>, code: string): Promise<string> {
  const canonical = normalizeFollowUpCode(code)
  if (!canonical) throw new ApiError('invalid_follow_up_code')
  const row = await db.selectFrom('suggestions').select('id').where('follow_up_hash', '=', hashFollowUpCode(canonical)).executeTakeFirst()
  if (!row) throw new ApiError('not_found')
  return row.id
}

/**
 * The worker's verdict on the answer. 不满意 sends the item back to the union (reopen, by the
 * worker); a verdict before there is an answer is refused.
 */
export async function rateItem(db: Kysely<Database>, code: string, rating: Rating, message: string | undefined, clientId?: string): Promise<string> {
  const id = await itemIdByCode(db, code)
  await db.transaction().execute(async (trx) => {
    const item = (await lockItem(trx, id))!
    // A replay after a lost answer: already done (the reopen it caused must not refuse it).
    if (await alreadyRecorded(trx, id, clientId)) return
    if (!isRatable(item.status)) throw new ApiError('rating_not_allowed')
    await applyChange(trx, item, 'rate', WORKER, { isPublic: true, publicText: message || null, data: { rating }, clientId }, { rating })
    if (rating === 'unsatisfied') await applyTransition(trx, item, 'reopen', WORKER, { publicText: message || null })
  })
  return id
}

/** A follow-up message from the worker; the union sees it on the item's timeline. */
export async function messageItem(db: Kysely<Database>, code: string, text: string, clientId?: string): Promise<string> {
  const id = await itemIdByCode(db, code)
  await db.transaction().execute(async (trx) => {
    const item = (await lockItem(trx, id))!
    if (await alreadyRecorded(trx, id, clientId)) return
    await applyChange(trx, item, 'message', WORKER, { isPublic: true, publicText: text, clientId })
  })
  return id
}

/** True when the worker's event with this device id is already on this item. The item's row lock orders replays. */
async function alreadyRecorded(trx: Kysely<Database>, itemId: string, clientId: string | undefined): Promise<boolean> {
  if (!clientId) return false
  const row = await trx.selectFrom('suggestion_events').select('suggestion_id').where('client_id', '=', clientId).executeTakeFirst()
  if (row && row.suggestion_id !== itemId) throw new ApiError('id_conflict')
  return row !== undefined
}
