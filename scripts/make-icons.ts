// Draws the app icons (a speech bubble with three dots on the union red) as PNGs, with no
// image library: run `npx tsx scripts/make-icons.ts` after changing the design, commit the output.
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const RED = [0xb3, 0x26, 0x1e]
const WHITE = [0xff, 0xff, 0xff]

function inRoundRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false
  const cx = Math.min(Math.max(x, x0 + r), x1 - r)
  const cy = Math.min(Math.max(y, y0 + r), y1 - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}

/** Colour at (u, v) in 0..1 of the design, `pad` the share of the edge kept as background (maskable safe zone). */
function pixel(u: number, v: number, pad: number, rounded: boolean): number[] | null {
  if (rounded && !inRoundRect(u, v, 0, 0, 1, 1, 0.18)) return null
  const s = (t: number) => (t - pad) / (1 - 2 * pad)
  const x = s(u)
  const y = s(v)
  const bubble = inRoundRect(x, y, 0.14, 0.18, 0.86, 0.68, 0.12)
  const tail = y >= 0.66 && y <= 0.84 && x >= 0.28 && x <= 0.44 && x - 0.28 <= (0.84 - y) * 0.9
  if (bubble || tail) {
    for (const dx of [0.33, 0.5, 0.67]) if ((x - dx) ** 2 + (y - 0.43) ** 2 <= 0.055 ** 2) return RED
    return WHITE
  }
  return RED
}

function png(size: number, pad: number, rounded: boolean): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size)
  const samples = 4
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const c = pixel((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, pad, rounded)
          if (c) (r += c[0]!), (g += c[1]!), (b += c[2]!), (a += 1)
        }
      const o = py * (size * 4 + 1) + 1 + px * 4
      const n = samples * samples
      raw[o] = a ? Math.round(r / a) : 0
      raw[o + 1] = a ? Math.round(g / a) : 0
      raw[o + 2] = a ? Math.round(b / a) : 0
      raw[o + 3] = Math.round((a / n) * 255)
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([len, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8
  header[9] = 6
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

function crc32(buf: Buffer): number {
  let c = ~0
  for (const byte of buf) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}

const out = 'client/public/icons'
writeFileSync(`${out}/icon-192.png`, png(192, 0.04, true))
writeFileSync(`${out}/icon-512.png`, png(512, 0.04, true))
writeFileSync(`${out}/icon-maskable-512.png`, png(512, 0.12, false))
writeFileSync(
  `${out}/icon.svg`,
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="18" fill="#b3261e"/><rect x="14" y="18" width="72" height="50" rx="12" fill="#fff"/><path d="M28 66h16L28 84z" fill="#fff"/><g fill="#b3261e"><circle cx="33" cy="43" r="5.5"/><circle cx="50" cy="43" r="5.5"/><circle cx="67" cy="43" r="5.5"/></g></svg>\n`,
)
console.log('icons written to', out)
