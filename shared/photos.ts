/**
 * Photos of an item (issue 14): the worker's, taken with the item, and a handler's, with a report
 * back. The phone scales each to at most `maxSide` and re-encodes it as JPEG, which drops every
 * metadata block; the server decodes what arrives, refuses anything that is not a JPEG it can
 * decode within the limits, and stores its own re-encoding (so no metadata is kept even from a
 * client that did not strip it).
 *
 * Upload, one request a chunk, resumable and idempotent, keyed by the item and the SHA-256 (hex)
 * of the bytes the phone made:
 *   PUT /api/track/photos                        (the worker; headers `x-item-id`, `x-photo-sha256` and
 *                                                 `x-follow-up-code`: nothing of the item in the URL, which proxies log)
 *   PUT /api/admin/items/:itemId/photos/:sha256  (a reviewer; session and CSRF token)
 * with `content-range: bytes START-END/TOTAL` and the chunk as the body, or
 * `content-range: bytes *\/TOTAL` and no body to ask where to go on. The answer is always
 * `UploadAnswer`: how many bytes the server holds. A chunk that does not start there is not
 * stored (the answer says where to continue); the last one makes the photo, once.
 */
export const PHOTO_LIMITS = {
  /** The worker's photos of one item. */
  perItem: 3,
  /** A reviewer's photos with one report back. */
  perReport: 3,
  /** One photo as uploaded (the phone's are 200–300 KB). */
  maxBytes: 1_500_000,
  /** A request's body at most; the phones send `chunkBytes`. */
  maxChunkBytes: 65_536,
  chunkBytes: 32_768,
  /** The long side the phone scales to. */
  maxSide: 1600,
  /** The server refuses larger (a decompression bomb is refused before it is decoded). */
  maxSideAccepted: 2048,
  /** The long side of a thumbnail the server makes. */
  thumbSide: 320,
} as const

export const PHOTO_ORIGINS = ['worker', 'staff'] as const
export type PhotoOrigin = (typeof PHOTO_ORIGINS)[number]

export interface PhotoView {
  id: string
  sha256: string
  origin: PhotoOrigin
  /** The report back it came with (a reviewer's photo), or null (the worker's, with the item). */
  assignmentId: string | null
  width: number
  height: number
  bytes: number
  createdAt: string
}

export type UploadAnswer = { received: number; complete: false } | { received: number; complete: true; photo: PhotoView }

export const SHA256_HEX = /^[0-9a-f]{64}$/
