import { createHash } from 'node:crypto'
import jpeg from 'jpeg-js'

/** A small JPEG of a gradient, as a camera would not make it but a decoder reads it. */
export function plainJpeg(width = 64, height = 48, quality = 90): Buffer {
  const data = Buffer.alloc(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4
      data[i] = (x * 255) / width
      data[i + 1] = (y * 255) / height
      data[i + 2] = 128
      data[i + 3] = 255
    }
  }
  return jpeg.encode({ width, height, data }, quality).data
}

/** The words a camera writes that must never reach the server's store: its make, its serial, where. */
export const CAMERA_WORDS = ['Exif', 'Canon EOS', 'SN-20931-XJ', 'GPS']

/**
 * The same JPEG with an APP1 Exif block right after SOI, as a phone camera writes it: a TIFF
 * header with the camera's make, a serial number and a GPS IFD pointer (the bytes a server that
 * only renamed files would keep).
 */
export function jpegWithExif(base = plainJpeg()): Buffer {
  const tiff = Buffer.concat([
    Buffer.from('MM\x00\x2a\x00\x00\x00\x08', 'latin1'),
    // One IFD with three entries: Make (0x010f), a serial (0xa431 BodySerialNumber), GPS IFD (0x8825).
    Buffer.from([0x00, 0x03]),
    Buffer.from([0x01, 0x0f, 0x00, 0x02, 0x00, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x32]),
    Buffer.from([0xa4, 0x31, 0x00, 0x02, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x00, 0x00, 0x3c]),
    Buffer.from([0x88, 0x25, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x48]),
    Buffer.from([0x00, 0x00, 0x00, 0x00]),
    Buffer.from('Canon EOS\x00SN-20931-XJ\x00GPS 37.4N 109.2E\x00', 'latin1'),
  ])
  const body = Buffer.concat([Buffer.from('Exif\x00\x00', 'latin1'), tiff])
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body])
  return Buffer.concat([base.subarray(0, 2), app1, base.subarray(2)])
}

/** A JPEG's first bytes declaring `width` × `height` (a decompression bomb's header) and little else. */
export function bombJpeg(width = 30_000, height = 30_000): Buffer {
  const base = plainJpeg(8, 8)
  // Find SOF0 and rewrite its size.
  for (let i = 2; i < base.length - 9; i++) {
    if (base[i] === 0xff && base[i + 1] === 0xc0) {
      const out = Buffer.from(base)
      out.writeUInt16BE(height, i + 5)
      out.writeUInt16BE(width, i + 7)
      return out
    }
  }
  throw new Error('no SOF0')
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
