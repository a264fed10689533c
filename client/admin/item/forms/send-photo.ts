import { uploadPhoto, type UploadResult } from '../../../photos/upload'
import type { PreparedPhoto } from '../../../photos/prepare'
import { writeHeaders } from '../../api'

// Loaded by the report form only when a photo is chosen: decoding and chunking stay out of the item page's code.
export { preparePhoto } from '../../../photos/prepare'

/** Sends a handler's photo for an item; it waits on the server, unattached, until a report names it. */
export function sendPhoto(itemId: string, photo: PreparedPhoto): Promise<UploadResult> {
  return uploadPhoto({ path: `/api/admin/items/${itemId}/photos/${photo.sha256}`, headers: writeHeaders(), fetch: (input, init) => fetch(input, init) }, photo.blob)
}
