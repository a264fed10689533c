import type { Context } from 'hono'
import type { Kysely } from 'kysely'
import * as v from 'valibot'
import { normalizeFollowUpCode } from '../../shared/follow-up-code'
import { SHA256_HEX } from '../../shared/photos'
import { isUuid } from '../../shared/uuid'
import { uuid } from '../../shared/validation'
import type { SessionUser } from '../auth/sessions'
import type { Database } from '../db/schema'
import { hashFollowUpCode } from '../domain/hashing'
import { visibleTo } from '../domain/items/access'
import { ApiError } from '../http/api-error'
import { params } from '../http/validate'

/** `:itemId/:sha256` of an upload; anything else is no route (404). */
export const photoKeyParams = params(v.object({ itemId: uuid, sha256: v.pipe(v.string(), v.regex(SHA256_HEX)) }))

/** The worker's upload key from its headers; anything else is no such photo (404). */
export function workerPhotoKey(itemId: string | undefined, sha256: string | undefined): { itemId: string; sha256: string } {
  if (!itemId || !isUuid(itemId) || !sha256 || !SHA256_HEX.test(sha256)) throw new ApiError('not_found')
  return { itemId: itemId.toLowerCase(), sha256 }
}

/** The worker's item, if `code` is its follow-up code; else not found, as a wrong code always is. */
export async function checkWorkerItem(db: Kysely<Database>, itemId: string, code: string | undefined): Promise<void> {
  const canonical = normalizeFollowUpCode(code ?? '')
  if (!canonical) throw new ApiError('invalid_follow_up_code')
  const row = await db.selectFrom('suggestions').select('id').where('id', '=', itemId).where('follow_up_hash', '=', hashFollowUpCode(canonical)).executeTakeFirst()
  if (!row) throw new ApiError('not_found')
}

/** An item the reviewer may see; else not found. */
export async function checkVisibleItem(db: Kysely<Database>, user: SessionUser, itemId: string): Promise<void> {
  const row = await db.selectFrom('suggestions as s').select('s.id').where('s.id', '=', itemId).where(visibleTo(user)).executeTakeFirst()
  if (!row) throw new ApiError('not_found')
}

/**
 * A whole photo's bytes (or its thumbnail's) if the photo belongs to an item `where` lets through:
 * the worker's own, or a reviewer's that came with a report back; else not found.
 */
export async function photoBytes(db: Kysely<Database>, photoId: string, thumb: boolean, item: { code: string } | { user: SessionUser }): Promise<Buffer> {
  let q = db
    .selectFrom('photos as p')
    .innerJoin('suggestions as s', 's.id', 'p.suggestion_id')
    .select(thumb ? 'p.thumb as bytes' : 'p.image as bytes')
    .where('p.id', '=', photoId)
    .where('p.complete', '=', true)
    .where((eb) => eb.or([eb('p.origin', '=', 'worker'), eb('p.assignment_id', 'is not', null)]))
  if ('code' in item) {
    const canonical = normalizeFollowUpCode(item.code)
    if (!canonical) throw new ApiError('invalid_follow_up_code')
    q = q.where('s.follow_up_hash', '=', hashFollowUpCode(canonical))
  } else {
    q = q.where(visibleTo(item.user))
  }
  const row = await q.executeTakeFirst()
  if (!row?.bytes) throw new ApiError('not_found')
  return row.bytes
}

/** A photo as the browser gets it: private to this reviewer or worker, never sniffed as anything else. */
export function sendPhoto(c: Context, bytes: Buffer): Response {
  c.header('Content-Type', 'image/jpeg')
  c.header('Cache-Control', 'private, max-age=86400')
  c.header('X-Content-Type-Options', 'nosniff')
  return c.body(new Uint8Array(bytes))
}
