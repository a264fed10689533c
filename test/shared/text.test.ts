import { describe, expect, it } from 'vitest'
import { lineSavable, nameKey, normalizeLine, savable } from '../../shared/text'
import { DAY_RANGE, isCalendarDay, isInstant } from '../../shared/time'
import { deviceId, isUuidV7, uuidv7Time } from '../../shared/uuid'

describe('what text may hold', () => {
  it('refuses in any text what PostgreSQL cannot store or a reader cannot see', () => {
    for (const bad of ['a\u0000b', 'x\ud800y', 'x\udfffy', '\ud800', 'a\u0001', 'a\u001b[31m', 'a\u007f', 'a\u0085', 'a\u009f', 'a\rb']) {
      expect([bad, savable(bad)]).toEqual([bad, false])
    }
    for (const good of ['第一行\n第二行', '列\t对齐', '😀 表情', '👨‍👩‍👧 一家', 'ﬁ', '\ufffd']) expect([good, savable(good)]).toEqual([good, true])
  })

  it('refuses on one line also breaks, tabs and characters that hide or turn text', () => {
    for (const bad of ['a\nb', 'a\tb', 'a\u200bb', 'a\u200db', 'a\u202eb', 'a\u2066b', 'a\u2028b', 'a\ufeffb', 'a\u00adb', 'a\u3164b', 'a\ufe0fb', 'a\udb40\udc41b']) {
      expect([bad, lineSavable(bad)]).toEqual([bad, false])
    }
    expect(lineSavable('第一中心站 Ａ区')).toBe(true)
  })

  it('makes every run of spaces on a line one plain space', () => {
    expect(normalizeLine('  第一\u3000\u3000中心站\u00a0 A ')).toBe('第一 中心站 A')
  })

  it('tells names apart by what people read, not by width, case or spacing', () => {
    expect(nameKey('Ａ区　一站')).toBe(nameKey('a区 一站'))
    expect(nameKey('第一中心站')).not.toBe(nameKey('第二中心站'))
  })
})

describe('dates', () => {
  it('accepts only real calendar days in the documented range', () => {
    for (const good of ['2026-11-25', '2024-02-29', DAY_RANGE.min, DAY_RANGE.max]) expect([good, isCalendarDay(good)]).toEqual([good, true])
    for (const bad of ['2026-13-01', '2026-02-29', '2026-02-30', '2026-00-10', '2026-11-31', '1999-12-31', '2200-01-01', '0000-01-01', '+275760-09-13', '2026-1-1', '2026-11-25\u0000', ' 2026-11-25', '2026-11-25T00:00:00Z']) {
      expect([bad, isCalendarDay(bad)]).toEqual([bad, false])
    }
  })

  it('accepts only whole, real ISO instants with their offset', () => {
    for (const good of ['2026-11-25T08:30:00.000Z', '2026-11-25T16:30+08:00', '2026-11-25T16:30:59.123456789-05:00']) expect([good, isInstant(good)]).toEqual([good, true])
    for (const bad of ['2026-02-30T10:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T10:60Z', '2026-01-01T10:00', '2026-01-01', '-271821-04-20T00:00:00Z', '+275760-09-13T00:00:00Z', '2026-01-01T10:00:00Z\u0000', '2026-01-01T10:00:00+15:00', '1999-12-31T23:59:59Z']) {
      expect([bad, isInstant(bad)]).toEqual([bad, false])
    }
  })
})

describe('ids made on the device', () => {
  it('carry the day they were made, not the instant, and differ within a day', () => {
    const made = Date.UTC(2026, 10, 25, 9, 41, 27, 318)
    const a = deviceId(made)
    const b = deviceId(made + 5000)
    expect(isUuidV7(a)).toBe(true)
    expect(uuidv7Time(a)).toBe(Date.UTC(2026, 10, 25))
    expect(uuidv7Time(b)).toBe(Date.UTC(2026, 10, 25))
    expect(a).not.toBe(b)
  })
})
