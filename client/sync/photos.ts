import type { LocalDb, PhotoRow } from '../local-db/db'
import { markPhoto, queuedPhotos } from '../local-db/photos'
import { uploadPhoto, type UploadResult } from '../photos/upload'
import type { RequestEnv } from './request'

interface PhotoReport {
  ok: boolean
  requests: number
  photos?: number
  failure?: 'network' | 'timeout' | 'server' | 'not_json' | 'rate_limited'
}

/**
 * Sends the queued photos of items the server holds, one photo at a time, each resumable and
 * keyed by its hash (a replay is stored once). A photo refused for good is marked with the
 * server's message and the others go on; a link that fails stops the photos until the next sync.
 */
export async function sendPhotos(env: RequestEnv & { db: LocalDb }, report: PhotoReport): Promise<void> {
  for (const photo of await queuedPhotos(env.db)) {
    const code = await storedItemCode(env.db, photo.owner)
    if (!code) continue // its item is not on the server yet (or was refused): it goes with it later
    report.requests++
    let result = await upload(env, photo, code)
    // The server dropped what it held (the bytes did not hash to the key): once more from zero.
    if (!result.ok && !result.retry && result.code === 'photo_hash_mismatch') result = await upload(env, photo, code)
    if (result.ok) {
      await markPhoto(env.db, photo.key, 'sent')
      report.photos = (report.photos ?? 0) + 1
    } else if (result.retry) {
      // The link failed: the next sync resumes this photo where the server stopped.
      Object.assign(report, { ok: false, failure: report.failure ?? 'network' })
      return
    } else if (result.code !== 'not_found') {
      await markPhoto(env.db, photo.key, 'rejected', { code: result.code, message: result.message })
    }
    // not_found after the item was acknowledged: a server without the photo route yet (or restored
    // from a backup). The photo stays queued for the next sync; dropping it would lose it.
  }
}

/** The follow-up code of an item the server acknowledged, or null while it is not stored there. */
async function storedItemCode(db: LocalDb, itemId: string): Promise<string | null> {
  const mine = await db.mine.get(itemId)
  return mine?.delivery === 'received' ? mine.followUpCode : null
}

function upload(env: RequestEnv, photo: PhotoRow, code: string): Promise<UploadResult> {
  return uploadPhoto(
    // The item and the photo in headers, never the URL: a proxy's log keeps URLs beside addresses.
    {
      path: `${env.baseUrl ?? ''}/api/track/photos`,
      headers: { 'x-follow-up-code': code, 'x-item-id': photo.owner, 'x-photo-sha256': photo.sha256 },
      fetch: env.fetch,
      timeoutMs: env.timeoutMs,
    },
    photo.blob,
  )
}
