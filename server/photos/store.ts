import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { PHOTO_LIMITS, type PhotoOrigin, type PhotoView, type UploadAnswer } from '../../shared/photos'
import type { Database } from '../db/schema'
import { ApiError } from '../http/api-error'
import { reencode } from './image'

type Db = Kysely<Database>

/** A chunk's place in the photo, from `content-range`: `bytes 0-32767/300000`, or `bytes *\/300000` to ask. */
export type Range = { start: number; end: number; total: number } | { start: null; total: number }

export function parseRange(header: string | undefined, bodyLength: number): Range {
  const m = /^bytes (?:(\d{1,7})-(\d{1,7})|\*)\/(\d{1,7})$/.exec(header ?? '')
  if (!m) throw new ApiError('invalid_range')
  const total = Number(m[3])
  if (total < 1) throw new ApiError('invalid_range')
  if (total > PHOTO_LIMITS.maxBytes) throw new ApiError('photo_too_large')
  if (m[1] === undefined) {
    if (bodyLength) throw new ApiError('invalid_range')
    return { start: null, total }
  }
  const start = Number(m[1])
  const end = Number(m[2])
  if (end < start || end >= total || end - start + 1 !== bodyLength || bodyLength > PHOTO_LIMITS.maxChunkBytes) throw new ApiError('invalid_range')
  return { start, end, total }
}

export interface PhotoKey {
  itemId: string
  origin: PhotoOrigin
  sha256: string
  /** The reviewer uploading (a staff photo); null for the worker's. */
  uploadedBy: string | null
}

const VIEW_COLUMNS = ['id', 'sha256', 'origin', 'assignment_id', 'width', 'height', 'total_bytes', 'image', 'completed_at', 'created_at'] as const

/**
 * Takes one chunk of a photo (or a question, with no chunk) and answers how much of it the server
 * holds. A chunk is stored only where the last one ended, so a replay or a chunk sent twice
 * changes nothing; the last one makes the photo: the bytes must hash to the key, and decode, or
 * nothing is kept (the phone starts again, or gives up on a photo that is not one).
 */
export async function receiveChunk(db: Db, key: PhotoKey, range: Range, body: Uint8Array): Promise<UploadAnswer> {
  const outcome = await db.transaction().execute(async (trx) => {
    const photo = await photoRow(trx, key, range.total)
    if (photo.complete) return { answer: answerOf(photo) }
    if (photo.total_bytes !== range.total) throw new ApiError('invalid_range')
    let received = photo.received_bytes
    if (range.start !== null && range.start === received) {
      await trx.insertInto('photo_chunks').values({ photo_id: photo.id, start: range.start, data: Buffer.from(body) }).execute()
      received += body.length
      await trx.updateTable('photos').set({ received_bytes: received }).where('id', '=', photo.id).execute()
    }
    if (received < photo.total_bytes) return { answer: { received, complete: false } as UploadAnswer }
    const chunks = await trx.selectFrom('photo_chunks').select('data').where('photo_id', '=', photo.id).orderBy('start').execute()
    const bytes = Buffer.concat(chunks.map((c) => c.data))
    await trx.deleteFrom('photo_chunks').where('photo_id', '=', photo.id).execute()
    // Not what the phone hashed: it sends the photo again from the start.
    if (createHash('sha256').update(bytes).digest('hex') !== key.sha256) {
      await trx.updateTable('photos').set({ received_bytes: 0 }).where('id', '=', photo.id).execute()
      return { refusal: new ApiError('photo_hash_mismatch') }
    }
    let stored
    try {
      stored = reencode(bytes)
    } catch (err) {
      // Not a photo (or too large to be one of ours): nothing of it is kept.
      await trx.deleteFrom('photos').where('id', '=', photo.id).execute()
      return { refusal: err }
    }
    const done = await trx
      .updateTable('photos')
      .set({ ...stored, complete: true, completed_at: new Date() })
      .where('id', '=', photo.id)
      .returning(VIEW_COLUMNS)
      .executeTakeFirstOrThrow()
    return { answer: answerOf(done) }
  })
  // The reset or the removal is committed first; then the phone hears why.
  if ('refusal' in outcome) throw outcome.refusal
  return outcome.answer
}

/** The photo row of `key`, locked; made (within the limits) on its first chunk. */
async function photoRow(trx: Db, key: PhotoKey, total: number) {
  const find = () =>
    trx
      .selectFrom('photos')
      .select([...VIEW_COLUMNS, 'complete', 'received_bytes'])
      .where('suggestion_id', '=', key.itemId)
      .where('origin', '=', key.origin)
      .where('sha256', '=', key.sha256)
      .forUpdate()
      .executeTakeFirst()
  const found = await find()
  if (found) return found
  // The item's row orders two first chunks of different photos, so the limit holds under a burst.
  await trx.selectFrom('suggestions').select('id').where('id', '=', key.itemId).forUpdate().execute()
  const { n } = await trx
    .selectFrom('photos')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('suggestion_id', '=', key.itemId)
    .where('origin', '=', key.origin)
    .$if(key.origin === 'staff', (q) => q.where('uploaded_by', '=', key.uploadedBy).where('assignment_id', 'is', null))
    .executeTakeFirstOrThrow()
  if (n >= (key.origin === 'worker' ? PHOTO_LIMITS.perItem : PHOTO_LIMITS.perReport)) throw new ApiError('too_many_photos')
  await trx
    .insertInto('photos')
    .values({ suggestion_id: key.itemId, origin: key.origin, sha256: key.sha256, uploaded_by: key.uploadedBy, total_bytes: total })
    .onConflict((oc) => oc.constraint('photos_key').doNothing())
    .execute()
  return (await find())!
}

type ViewRow = { id: string; sha256: string; origin: PhotoOrigin; assignment_id: string | null; width: number | null; height: number | null; image: Buffer | null; created_at: Date; completed_at: Date | null }

function answerOf(row: ViewRow & { total_bytes: number }): UploadAnswer {
  return { received: row.total_bytes, complete: true, photo: photoView(row) }
}

export function photoView(row: ViewRow): PhotoView {
  return {
    id: row.id,
    sha256: row.sha256,
    origin: row.origin,
    assignmentId: row.assignment_id,
    width: row.width ?? 0,
    height: row.height ?? 0,
    bytes: row.image?.length ?? 0,
    createdAt: (row.completed_at ?? row.created_at).toISOString(),
  }
}

/**
 * The whole photos of items, for views: the worker's, and reviewers' that came with a report
 * back (one still waiting for its report is nobody's to see yet). Without the bytes.
 */
export async function photosOf(db: Db, itemIds: string[]): Promise<Map<string, PhotoView[]>> {
  const out = new Map<string, PhotoView[]>()
  if (!itemIds.length) return out
  const rows = await db
    .selectFrom('photos')
    .select(['id', 'suggestion_id', 'sha256', 'origin', 'assignment_id', 'width', 'height', 'created_at', 'completed_at', sql<number>`octet_length(image)`.as('bytes')])
    .where('suggestion_id', 'in', itemIds)
    .where('complete', '=', true)
    .where((eb) => eb.or([eb('origin', '=', 'worker'), eb('assignment_id', 'is not', null)]))
    .orderBy('completed_at')
    .execute()
  for (const r of rows) {
    const list = out.get(r.suggestion_id) ?? []
    list.push({ id: r.id, sha256: r.sha256, origin: r.origin, assignmentId: r.assignment_id, width: r.width ?? 0, height: r.height ?? 0, bytes: r.bytes, createdAt: (r.completed_at ?? r.created_at).toISOString() })
    out.set(r.suggestion_id, list)
  }
  return out
}

/** A reviewer takes back a photo not yet sent with a report (their own): it no longer counts. */
export async function dropPendingPhoto(db: Db, key: PhotoKey): Promise<void> {
  const gone = await db
    .deleteFrom('photos')
    .where('suggestion_id', '=', key.itemId)
    .where('origin', '=', 'staff')
    .where('sha256', '=', key.sha256)
    .where('uploaded_by', '=', key.uploadedBy)
    .where('assignment_id', 'is', null)
    .executeTakeFirst()
  if (!gone.numDeletedRows) throw new ApiError('not_found')
}

/**
 * Uploads never finished (a phone that gave up, a key that never hashed) and reviewers' photos
 * never sent with a report go after a week; whole photos of items stay with their item.
 */
export async function prunePhotos(db: Db, now = new Date()): Promise<void> {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000)
  await db
    .deleteFrom('photos')
    .where('created_at', '<', weekAgo)
    .where((eb) => eb.or([eb('complete', '=', false), eb.and([eb('origin', '=', 'staff'), eb('assignment_id', 'is', null)])]))
    .execute()
}
