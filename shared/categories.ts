/** The eight categories of the field report, in its order. `id` is what the wire and database carry. */
export const CATEGORIES = [
  { id: 'leadership', zh: '班子建设', en: 'Leadership team' },
  { id: 'workforce', zh: '队伍状况', en: 'Workforce' },
  { id: 'skills', zh: '素质提升', en: 'Skills and training' },
  { id: 'rights', zh: '权益保障', en: 'Rights protection' },
  { id: 'pay', zh: '薪酬考核', en: 'Pay and appraisal' },
  { id: 'livelihood', zh: '民生事宜', en: 'Daily life (canteen, dormitory, transport)' },
  { id: 'employee_home', zh: '“员工之家”建设', en: '"Employee Home" facilities' },
  { id: 'other', zh: '其他', en: 'Other' },
] as const

export type CategoryId = (typeof CATEGORIES)[number]['id']

export const CATEGORY_IDS = CATEGORIES.map((c) => c.id) as CategoryId[]

export function isCategoryId(value: unknown): value is CategoryId {
  return typeof value === 'string' && (CATEGORY_IDS as string[]).includes(value)
}

/** The category's label in `lang`; unknown ids come back as they are. */
export function categoryLabel(id: string, lang: 'zh-CN' | 'en'): string {
  const found = CATEGORIES.find((c) => c.id === id)
  if (!found) return id
  return lang === 'en' ? found.en : found.zh
}
