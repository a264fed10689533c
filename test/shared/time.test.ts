import { describe, expect, it } from 'vitest'
import { addDays, chinaDateTime, dayEnd, dayStart, daysLeft, formatDate, formatMonthDay, formatTime, todayInChina } from '../../shared/time'

// 16:00 UTC is midnight in China: the last minute of one China day and the first of the next.
const BEFORE_MIDNIGHT = '2026-03-01T15:59:59.999Z'
const MIDNIGHT = '2026-03-01T16:00:00.000Z'
const YEAR_END = '2026-12-31T15:59:00.000Z'
const NEW_YEAR = '2026-12-31T16:00:00.000Z'

describe('shared/time', () => {
  it('gives the China day and minute across midnight and the year end, whatever the host zone', () => {
    expect(chinaDateTime(BEFORE_MIDNIGHT)).toBe('2026-03-01 23:59')
    expect(chinaDateTime(MIDNIGHT)).toBe('2026-03-02 00:00')
    expect(chinaDateTime(YEAR_END)).toBe('2026-12-31 23:59')
    expect(chinaDateTime(new Date(NEW_YEAR))).toBe('2027-01-01 00:00')
    expect(chinaDateTime('2028-02-28T16:30:00.000Z')).toBe('2028-02-29 00:30')
  })

  it('says which day it is today in China', () => {
    expect(todayInChina(new Date(BEFORE_MIDNIGHT))).toBe('2026-03-01')
    expect(todayInChina(new Date(MIDNIGHT))).toBe('2026-03-02')
    expect(todayInChina(new Date(NEW_YEAR))).toBe('2027-01-01')
    // The first and the last instant of a China day are that day.
    expect(todayInChina(dayStart('2027-01-01'))).toBe('2027-01-01')
    expect(todayInChina(dayEnd('2026-12-31'))).toBe('2026-12-31')
    expect(dayStart('2027-01-01').toISOString()).toBe(NEW_YEAR)
  })

  it('formats date and minute in China time, 24-hour, in both languages', () => {
    expect(formatTime(MIDNIGHT, 'zh-CN')).toBe('2026/03/02 00:00')
    expect(formatTime(MIDNIGHT, 'en')).toBe('02/03/2026, 00:00')
    expect(formatTime(YEAR_END, 'zh-CN')).toBe('2026/12/31 23:59')
    expect(formatTime(NEW_YEAR, 'en')).toBe('01/01/2027, 00:00')
    expect(formatTime('2026-06-01T04:05:00.000Z', 'zh-CN')).toBe('2026/06/01 12:05')
  })

  it('formats a reviewer day with its year and a worker day in words', () => {
    expect(formatDate(BEFORE_MIDNIGHT, 'zh-CN')).toBe('2026/03/01')
    expect(formatDate(NEW_YEAR, 'zh-CN')).toBe('2027/01/01')
    expect(formatDate(NEW_YEAR, 'en')).toBe('01/01/2027')
    expect(formatMonthDay(MIDNIGHT, 'zh-CN')).toBe('3月2日')
    expect(formatMonthDay(MIDNIGHT, 'en')).toBe('2 March')
    expect(formatMonthDay(YEAR_END, 'en')).toBe('31 December')
  })

  it('shows text that is not a time as it came', () => {
    expect(formatTime('soon', 'zh-CN')).toBe('soon')
    expect(formatDate('', 'en')).toBe('')
    expect(formatMonthDay('2026-13-01', 'zh-CN')).toBe('2026-13-01')
  })

  it('counts days left in China days, whatever the hour on either side, and adds days across months and years', () => {
    const deadline = dayEnd('2026-12-01')
    expect(daysLeft(deadline, new Date('2026-11-28T16:00:00Z'))).toBe(2) // 00:00 on 11-29 in China
    expect(daysLeft(deadline, new Date('2026-11-28T15:59:59Z'))).toBe(3) // 23:59 on 11-28 in China
    expect(daysLeft(deadline, new Date('2026-12-01T15:00:00Z'))).toBe(0)
    expect(daysLeft(deadline, new Date('2026-12-01T16:00:00Z'))).toBe(-1)
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28')
  })
})
