import { describe, expect, it } from 'vitest'
import { canonicalFollowUpCode, encodeFollowUpCode, formatFollowUpCode, newFollowUpCode, normalizeFollowUpCode } from '../../shared/follow-up-code'
import { isUuidV7, uuidv7, uuidv7Time } from '../../shared/uuid'

describe('follow-up codes', () => {
  it('carries 80 random bits as 16 Crockford characters in four groups', () => {
    const code = newFollowUpCode()
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
  })

  it('encodes all ten bytes: all-ones and all-zeros give the extreme codes', () => {
    expect(encodeFollowUpCode(new Uint8Array(10).fill(0xff))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ')
    expect(encodeFollowUpCode(new Uint8Array(10))).toBe('0000-0000-0000-0000')
    expect(encodeFollowUpCode(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]))).toBe('0000-0000-0000-0001')
  })

  it('does not repeat across many draws', () => {
    const seen = new Set(Array.from({ length: 5000 }, () => newFollowUpCode()))
    expect(seen.size).toBe(5000)
  })

  it('accepts what a person types: lower case, spaces, no dashes, O for 0 and I or L for 1', () => {
    expect(normalizeFollowUpCode('7k3m 9qxd 2hft a8zc')).toBe('7K3M9QXD2HFTA8ZC')
    expect(normalizeFollowUpCode('OIL7-K3M9-QXD2-HFTA')).toBe('0117K3M9QXD2HFTA')
    expect(formatFollowUpCode('7K3M9QXD2HFTA8ZC')).toBe('7K3M-9QXD-2HFT-A8ZC')
  })

  it('refuses a code anybody could guess, and never draws one', () => {
    for (const guessable of ['0000-0000-0000-0000', 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', '0000-0000-0000-0001', 'ABAB-ABAB-ABAB-ABAB', '1234-1234-1234-1234', '0123-4567-89AB-CDEF', 'ZYXW-VTSR-QPNM-KJHG']) {
      expect([guessable, normalizeFollowUpCode(guessable)]).toEqual([guessable, null])
      // Still a code in form: a replay of an item stored under one is recognised.
      expect(canonicalFollowUpCode(guessable)).toBe(guessable.replace(/-/g, ''))
    }
    expect(normalizeFollowUpCode('7K3M-9QXD-2HFT-A8ZC')).toBe('7K3M9QXD2HFTA8ZC')
    // A random source that keeps giving guessable codes is drawn again, then refused.
    let draws = 0
    expect(newFollowUpCode((b) => (draws++ < 3 ? b.fill(0) : b.fill(0x5a).fill(0x17, 3, 6)))).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    expect(draws).toBe(4)
    expect(() => newFollowUpCode((b) => b.fill(0))).toThrow(/guessable/)
  })

  it('refuses what cannot be a code', () => {
    expect(normalizeFollowUpCode('7K3M-9QXD-2HFT')).toBeNull()
    expect(normalizeFollowUpCode('7K3M-9QXD-2HFT-A8ZU')).toBeNull()
    expect(normalizeFollowUpCode('查询码查询码查询码查询码查询码查询')).toBeNull()
    expect(normalizeFollowUpCode('x'.repeat(1000))).toBeNull()
  })
})

describe('uuidv7', () => {
  it('makes version-7 ids that carry their time and sort by it', () => {
    const a = uuidv7(1_700_000_000_000)
    const b = uuidv7(1_700_000_000_001)
    expect(isUuidV7(a)).toBe(true)
    expect(uuidv7Time(a)).toBe(1_700_000_000_000)
    expect(a < b).toBe(true)
  })

  it('rejects other versions and upper-case forms', () => {
    expect(isUuidV7('6f1c1b2e-8c1a-4b7e-9d2a-0c5e8f1a2b3c')).toBe(false)
    expect(isUuidV7(uuidv7().toUpperCase())).toBe(false)
    expect(isUuidV7(42)).toBe(false)
  })
})
