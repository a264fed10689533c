import { describe, expect, it } from 'vitest'
import { itemNumber, parseItemNumber } from '../../shared/item-number'
import { chinaYear } from '../../shared/time'

describe('item numbers', () => {
  it('writes at least four digits and grows past 9999', () => {
    expect(itemNumber(2026, 1)).toBe('YJ-2026-0001')
    expect(itemNumber(2026, 9999)).toBe('YJ-2026-9999')
    expect(itemNumber(2026, 12345)).toBe('YJ-2026-12345')
  })

  it('reads a number back in any case, with or without its prefix, and nothing else', () => {
    expect(parseItemNumber('YJ-2026-0001')).toEqual({ year: 2026, seq: 1 })
    expect(parseItemNumber(' yj-2026-12345 ')).toEqual({ year: 2026, seq: 12345 })
    expect(parseItemNumber('yj2026-7')).toEqual({ year: 2026, seq: 7 })
    expect(parseItemNumber('2026-0042')).toEqual({ year: 2026, seq: 42 })
    for (const text of ['0001', 'YJ-2026-0000', 'YJ-2026', '2026-01-05x', '食堂', 'YJ-26-0001', 'YJ-2026-1234567890']) expect(parseItemNumber(text)).toBeNull()
  })

  it('takes the year in China time', () => {
    expect(chinaYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026)
    expect(chinaYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027)
  })
})
