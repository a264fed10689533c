// Apart from the schema (categories.ts), so that the worker's form, which shows and labels
// categories before it checks anything, loads without the schema library.

/**
 * A category as the server lists it, in the admins' order. Categories live in the database
 * (admins add, rename, reorder and retire them); `id` is what items carry and never changes.
 * `en` may be empty: the zh label stands in for it.
 */
export interface Category {
  id: string
  zh: string
  en: string
  /** Retired: kept on old items and in filters, no longer offered on the form. */
  retired: boolean
}

/** A category's id: a short slug. Which ids exist is the server's to say. */
export type CategoryId = string

/**
 * The eight categories of the field report, as the database is first seeded: the form's
 * default before (or without) the server's list, and the labels of last resort.
 */
export const DEFAULT_CATEGORIES: readonly Category[] = [
  { id: 'leadership', zh: '班子建设', en: 'Leadership team', retired: false },
  { id: 'workforce', zh: '队伍状况', en: 'Workforce', retired: false },
  { id: 'skills', zh: '素质提升', en: 'Skills and training', retired: false },
  { id: 'rights', zh: '权益保障', en: 'Rights protection', retired: false },
  { id: 'pay', zh: '薪酬考核', en: 'Pay and appraisal', retired: false },
  { id: 'livelihood', zh: '民生事宜', en: 'Daily life (canteen, dormitory, transport)', retired: false },
  { id: 'employee_home', zh: '“员工之家”建设', en: '"Employee Home" facilities', retired: false },
  { id: 'other', zh: '其他', en: 'Other', retired: false },
]

/** A category's own label in `lang` (the zh label when it has no English one). */
export function labelOf(category: Pick<Category, 'zh' | 'en'>, lang: 'zh-CN' | 'en'): string {
  return lang === 'en' && category.en ? category.en : category.zh
}

/**
 * The label of category `id` in `lang`: from `known` (what the server listed), else from the
 * eight defaults, else the id itself.
 */
export function categoryLabel(id: string, lang: 'zh-CN' | 'en', known: readonly Category[] = []): string {
  const found = known.find((c) => c.id === id) ?? DEFAULT_CATEGORIES.find((c) => c.id === id)
  return found ? labelOf(found, lang) : id
}
