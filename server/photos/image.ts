import jpeg from 'jpeg-js'
import { PHOTO_LIMITS } from '../../shared/photos'
import { ApiError } from '../http/api-error'

/** What the server keeps of a photo: its own JPEG of the decoded pixels, and a thumbnail. */
export interface StoredImage {
  image: Buffer
  thumb: Buffer
  width: number
  height: number
}

/**
 * The width and height a JPEG declares in its frame header, read before anything is decoded: a
 * decompression bomb (a few KB declaring 60,000 × 60,000 pixels) is refused here. Null when the
 * bytes are not a JPEG.
 */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null
  let at = 2
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null
    const marker = bytes[at + 1]!
    // Fill bytes and markers that stand alone.
    if (marker === 0xff) {
      at++
      continue
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2
      continue
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!
    if (length < 2) return null
    // SOF0–SOF15, not DHT (C4), JPG (C8) or DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 9 > bytes.length) return null
      return { height: (bytes[at + 5]! << 8) | bytes[at + 6]!, width: (bytes[at + 7]! << 8) | bytes[at + 8]! }
    }
    at += 2 + length
  }
  return null
}

/**
 * Decodes a photo with a real decoder (jpeg-js, within a memory bound) and encodes the pixels
 * again: what is kept carries no EXIF, GPS, camera or time, whatever the phone sent. Anything
 * that is not a JPEG it can decode is refused (400 invalid_photo), so is one larger than the
 * phones make (413 photo_too_large).
 */
export function reencode(bytes: Uint8Array): StoredImage {
  const size = jpegSize(bytes)
  if (!size || size.width < 1 || size.height < 1) throw new ApiError('invalid_photo')
  if (Math.max(size.width, size.height) > PHOTO_LIMITS.maxSideAccepted) throw new ApiError('photo_too_large')
  let pixels: { width: number; height: number; data: Uint8Array }
  try {
    pixels = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 4.2, maxMemoryUsageInMB: 64 })
  } catch {
    throw new ApiError('invalid_photo')
  }
  if (pixels.width !== size.width || pixels.height !== size.height) throw new ApiError('invalid_photo')
  // The pixels alone: jpeg-js hands the decoded EXIF and comments back, and its encoder would write them again.
  const image = jpeg.encode({ width: pixels.width, height: pixels.height, data: pixels.data }, 82).data
  const thumb = jpeg.encode(shrink(pixels, PHOTO_LIMITS.thumbSide), 72).data
  return { image, thumb, width: pixels.width, height: pixels.height }
}

/** The picture with its long side at most `side`, each new pixel the mean of the box it covers. */
function shrink(src: { width: number; height: number; data: Uint8Array }, side: number) {
  const scale = Math.min(1, side / Math.max(src.width, src.height))
  const width = Math.max(1, Math.round(src.width * scale))
  const height = Math.max(1, Math.round(src.height * scale))
  const data = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor((y * src.height) / height)
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * src.height) / height))
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor((x * src.width) / width)
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * src.width) / width))
      let r = 0
      let g = 0
      let b = 0
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const i = (sy * src.width + sx) * 4
          r += src.data[i]!
          g += src.data[i + 1]!
          b += src.data[i + 2]!
        }
      }
      const n = (y1 - y0) * (x1 - x0)
      const o = (y * width + x) * 4
      data[o] = r / n
      data[o + 1] = g / n
      data[o + 2] = b / n
      data[o + 3] = 255
    }
  }
  return { width, height, data }
}
