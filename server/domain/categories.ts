import type { Kysely } from 'kysely'
import type { Category } from '../../shared/categories'
import type { Database } from '../db/schema'
import { ApiError } from '../http/api-error'

type Row = { id: string; label_zh: string; label_en: string; retired_at: Date | null }

/** The one mapper from a row to the wire. */
export const toCategory = (r: Row): Category => ({ id: r.id, zh: r.label_zh, en: r.label_en, retired: r.retired_at !== null })

/** Every category, retired ones too, in the admins' order (ties by id, so the order is stable). */
export async function listCategories(db: Kysely<Database>): Promise<Category[]> {
  const rows = await db.selectFrom('categories').select(['id', 'label_zh', 'label_en', 'retired_at']).orderBy('sort').orderBy('id').execute()
  return rows.map(toCategory)
}

/** The categories a new item may take: ids of those not retired. */
export async function offeredCategoryIds(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('categories').select('id').where('retired_at', 'is', null).execute()
  return new Set(rows.map((r) => r.id))
}

/** A reviewer may leave an item in its category, even a retired one, or move it to one still offered. */
export async function checkItemCategory(db: Kysely<Database>, current: string, next: string | undefined): Promise<void> {
  if (next === undefined || next === current) return
  const row = await db.selectFrom('categories').select('id').where('id', '=', next).where('retired_at', 'is', null).executeTakeFirst()
  if (!row) throw new ApiError('unknown_category', [{ path: 'category', code: 'unknown_category' }])
}
