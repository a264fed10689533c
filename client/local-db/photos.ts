import { PHOTO_LIMITS } from '../../shared/photos'
import type { LocalDb, PhotoRow } from './db'

export const DRAFT_OWNER = 'draft'
// Room kept free for the item itself and its draft: a photo never takes the last of it.
const RESERVE_BYTES = 2_000_000

export type AddPhotoResult = 'added' | 'duplicate' | 'too_many' | 'full'

type Estimate = () => Promise<{ quota?: number; usage?: number }>
const browserEstimate: Estimate | undefined = typeof navigator !== 'undefined' && navigator.storage?.estimate ? () => navigator.storage.estimate() : undefined

/**
 * Keeps a prepared photo with the draft, if the phone has room: the storage budget is asked
 * first (a full phone says so and the item goes without), and a quota error on the write too.
 */
export async function addDraftPhoto(db: LocalDb, photo: Pick<PhotoRow, 'blob' | 'sha256' | 'width' | 'height'>, estimate = browserEstimate, now = Date.now()): Promise<AddPhotoResult> {
  const room = await estimate?.().catch(() => undefined)
  if (room?.quota !== undefined && room.usage !== undefined && room.quota - room.usage < photo.blob.size + RESERVE_BYTES) return 'full'
  const key = `${DRAFT_OWNER}/${photo.sha256}`
  try {
    return await db.transaction('rw', db.photos, async () => {
      if (await db.photos.get(key)) return 'duplicate'
      if ((await db.photos.where('owner').equals(DRAFT_OWNER).count()) >= PHOTO_LIMITS.perItem) return 'too_many'
      await db.photos.add({ key, owner: DRAFT_OWNER, ...photo, addedAt: now, state: 'draft', error: null })
      return 'added'
    })
  } catch (error) {
    const named = error as { name?: string; inner?: { name?: string } }
    if (named.name === 'QuotaExceededError' || named.inner?.name === 'QuotaExceededError') return 'full'
    throw error
  }
}

/** An item's photos (or the draft's), in the order they were added. */
export function photosOf(db: LocalDb, owner: string): Promise<PhotoRow[]> {
  return db.photos.where('owner').equals(owner).sortBy('addedAt')
}

/** Every item's photos (not the draft's): 我的意见 groups them by item. */
export function itemPhotos(db: LocalDb): Promise<PhotoRow[]> {
  return db.photos.where('owner').notEqual(DRAFT_OWNER).sortBy('addedAt')
}

export async function removePhoto(db: LocalDb, key: string): Promise<void> {
  await db.photos.delete(key)
}

/** Gives the draft's photos to the item being queued; called inside the queueing transaction. */
export async function moveDraftPhotos(db: LocalDb, itemId: string): Promise<void> {
  await rehome(db, DRAFT_OWNER, itemId, 'queued')
}

/** A refused item brought back to be edited takes its photos back to the draft. */
export async function photosBackToDraft(db: LocalDb, itemId: string): Promise<void> {
  await db.photos.where('owner').equals(DRAFT_OWNER).delete()
  await rehome(db, itemId, DRAFT_OWNER, 'draft')
}

async function rehome(db: LocalDb, from: string, to: string, state: PhotoRow['state']): Promise<void> {
  const rows = await db.photos.where('owner').equals(from).toArray()
  await db.photos.bulkDelete(rows.map((row) => row.key))
  await db.photos.bulkPut(rows.map((row) => ({ ...row, key: `${to}/${row.sha256}`, owner: to, state, error: null })))
}

/** Photos waiting to be sent, oldest first. */
export function queuedPhotos(db: LocalDb): Promise<PhotoRow[]> {
  return db.photos.where('state').equals('queued').sortBy('addedAt')
}

export async function markPhoto(db: LocalDb, key: string, state: 'sent' | 'rejected', error: PhotoRow['error'] = null): Promise<void> {
  await db.photos.update(key, { state, error })
}
