import type { AdminEvent } from '../../../shared/admin-api'
import type { PhotoView } from '../../../shared/photos'

/** Same-origin with the session cookie, so a plain `<img src>` loads them. */
export const photoUrl = (id: string) => `/api/admin/photos/${id}`
export const thumbUrl = (id: string) => `${photoUrl(id)}/thumb`

/** The photos that came in at a step: the worker's with the item, a report's by the ids its event names. */
export function eventPhotos(e: AdminEvent, photos: readonly PhotoView[]): PhotoView[] {
  if (e.kind === 'submit') return workerPhotos(photos)
  const ids = e.data?.photos
  if (!Array.isArray(ids)) return []
  return photos.filter((p) => ids.includes(p.id))
}

/** The report photos of one dispatch. */
export const assignmentPhotos = (assignmentId: string, photos: readonly PhotoView[]) => photos.filter((p) => p.assignmentId === assignmentId)

export const workerPhotos = (photos: readonly PhotoView[]) => photos.filter((p) => p.origin === 'worker')
