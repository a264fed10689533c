import { describe, expect, it } from 'vitest'
import { CATEGORY_ID, categoryLabel, DEFAULT_CATEGORIES, labelOf } from '../../shared/categories'

describe('shared/categories', () => {
  const learned = [
    { id: 'pay', zh: '薪酬', en: '', retired: true },
    { id: 'c_0123456789ab', zh: '交通出行', en: 'Transport', retired: false },
  ]

  it('labels a category from what the server listed, then the built-in eight, then the raw id', () => {
    expect(categoryLabel('c_0123456789ab', 'zh-CN', learned)).toBe('交通出行')
    expect(categoryLabel('c_0123456789ab', 'en', learned)).toBe('Transport')
    // The server's wording wins over the built-in one; an empty English label falls back to zh.
    expect(categoryLabel('pay', 'zh-CN', learned)).toBe('薪酬')
    expect(categoryLabel('pay', 'en', learned)).toBe('薪酬')
    expect(categoryLabel('pay', 'en')).toBe('Pay and appraisal')
    expect(categoryLabel('c_0123456789ab', 'zh-CN')).toBe('c_0123456789ab')
  })

  it('has the eight of the field report with ids of the shape the wire allows', () => {
    expect(DEFAULT_CATEGORIES.map((c) => c.id)).toEqual(['leadership', 'workforce', 'skills', 'rights', 'pay', 'livelihood', 'employee_home', 'other'])
    expect(DEFAULT_CATEGORIES.every((c) => CATEGORY_ID.test(c.id) && !c.retired)).toBe(true)
    expect(labelOf(DEFAULT_CATEGORIES[6]!, 'zh-CN')).toBe('“员工之家”建设')
    for (const bad of ['', 'Pay', '1pay', 'pay-me', 'a'.repeat(33), 'pay\n']) expect([bad, CATEGORY_ID.test(bad)]).toEqual([bad, false])
  })
})
