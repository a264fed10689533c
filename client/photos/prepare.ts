import { PHOTO_LIMITS } from '../../shared/photos'

/** A photo as the phone keeps and sends it: re-encoded JPEG, no metadata, its SHA-256 the upload's key. */
export interface PreparedPhoto {
  blob: Blob
  sha256: string
  width: number
  height: number
}

/**
 * Decodes a picture from the camera or the gallery, turns it upright (EXIF orientation), scales
 * its long side to at most PHOTO_LIMITS.maxSide and re-encodes it as JPEG. A canvas holds pixels
 * only, so what comes out has no EXIF, no GPS, no camera serial and no time; the original never
 * leaves this function. Refuses what the browser cannot decode.
 */
export async function preparePhoto(file: Blob, quality = 0.82): Promise<PreparedPhoto> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  try {
    const scale = Math.min(1, PHOTO_LIMITS.maxSide / Math.max(bitmap.width, bitmap.height))
    const width = Math.max(1, Math.round(bitmap.width * scale))
    const height = Math.max(1, Math.round(bitmap.height * scale))
    const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(width, height) : Object.assign(document.createElement('canvas'), { width, height })
    const context = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null
    if (!context) throw new Error('no 2d canvas')
    context.drawImage(bitmap, 0, 0, width, height)
    const blob =
      canvas instanceof HTMLCanvasElement
        ? await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), 'image/jpeg', quality))
        : await (canvas as OffscreenCanvas).convertToBlob({ type: 'image/jpeg', quality })
    return { blob, sha256: await sha256Hex(blob), width, height }
  } finally {
    bitmap.close()
  }
}

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}
