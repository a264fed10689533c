import qrcode from 'qrcode-generator'
import { describe, expect, it } from 'vitest'
import { qrSvg } from '../../../server/domain/qr-svg'

/** Reads the dark modules back out of the SVG's path of `M x y h w v1 h-w z` runs. */
function modulesOf(svg: string, margin = 4): Set<string> {
  const d = /<path [^>]*d="([^"]*)"/.exec(svg)![1]!
  const dark = new Set<string>()
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let i = 0; i < Number(w); i++) dark.add(`${Number(y) - margin},${Number(x) - margin + i}`)
  }
  return dark
}

describe('qrSvg', () => {
  it('draws exactly the dark modules of the QR code, inside a 4-module quiet zone', () => {
    const url = 'https://yijian.example.cn/?s=base-canteen'
    const qr = qrcode(0, 'M')
    qr.addData(url, 'Byte')
    qr.make()
    const n = qr.getModuleCount()
    const expected = new Set<string>()
    for (let r = 0; r < n; r++) for (let col = 0; col < n; col++) if (qr.isDark(r, col)) expected.add(`${r},${col}`)
    const svg = qrSvg(url, 'x')
    expect(modulesOf(svg)).toEqual(expected)
    expect(svg).toContain(`viewBox="0 0 ${n + 8} ${n + 8}"`)
  })

  it('escapes the title', () => {
    expect(qrSvg('http://x/?s=a', '<script>&"')).toContain('<title>&#60;script&#62;&#38;&#34;</title>')
  })
})
