import qrcode from 'qrcode-generator'

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

/**
 * A QR code for `text` as a scalable SVG: one unit per module, a 4-module quiet zone (the
 * standard's minimum), error correction M so a scuffed poster still scans.
 */
export function qrSvg(text: string, title: string): string {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  const n = qr.getModuleCount()
  const margin = 4
  const size = n + 2 * margin
  const runs: string[] = []
  for (let row = 0; row < n; row++) {
    // Dark modules side by side become one rectangle: a path a fraction of the size.
    for (let col = 0; col < n; ) {
      if (!qr.isDark(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < n && qr.isDark(row, col)) col++
      runs.push(`M${start + margin} ${row + margin}h${col - start}v1h-${col - start}z`)
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size * 8}" height="${size * 8}" shape-rendering="crispEdges">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect width="${size}" height="${size}" fill="#fff"/>` +
    `<path fill="#000" d="${runs.join('')}"/></svg>`
  )
}
