import { sql, type Kysely } from 'kysely'
import { randomBytes } from 'node:crypto'
import { CATEGORY_LIMITS, type Category } from '../../shared/categories'
import type { UpdateCategory } from '../../shared/schemas/categories'
import { nameKey } from '../../shared/text'
import type { SessionUser } from '../auth/sessions'
import type { Database } from '../db/schema'
import { ApiError } from '../http/api-error'
import { toCategory } from './categories'

type Trx = Kysely<Database>
type Locked = { id: string; label_zh: string; label_en: string; sort: number; retired_at: Date | null }

/**
 * Every category, with the table locked against other edits. Each edit checks the others
 * (labels, count, order), so two admins' edits take turns; row locks would not do, as they miss
 * a row another edit is inserting. Submissions only read the table and do not wait.
 */
async function lockAll(trx: Trx): Promise<Locked[]> {
  await sql`lock table categories in share row exclusive mode`.execute(trx)
  return trx.selectFrom('categories').select(['id', 'label_zh', 'label_en', 'sort', 'retired_at']).orderBy('sort').orderBy('id').execute()
}

const taken = (path: 'zh' | 'en') => new ApiError('category_label_taken', [{ path, code: 'category_label_taken' }])

/**
 * Labels tell active categories apart as people read them (`nameKey`: width, case, compatibility
 * forms), in each language; an empty English label is no label. Retired ones may share a label.
 */
function checkLabels(all: Locked[], self: { id: string; zh: string; en: string }): void {
  const others = all.filter((c) => c.id !== self.id && c.retired_at === null)
  const zh = nameKey(self.zh)
  if (others.some((c) => nameKey(c.label_zh) === zh)) throw taken('zh')
  const en = nameKey(self.en)
  if (en && others.some((c) => nameKey(c.label_en) === en)) throw taken('en')
}

/** An id no category ever had: random, since retired categories keep theirs for good. */
function newId(all: Locked[]): string {
  for (;;) {
    const id = `c_${randomBytes(6).toString('hex')}`
    if (!all.some((c) => c.id === id)) return id
  }
}

/** Categories are the organisation's: only an admin of its top unit changes them. */
export function mayEditCategories(user: Pick<SessionUser, 'role' | 'unitPath'>): boolean {
  return user.role === 'admin' && user.unitPath.split('/').filter(Boolean).length === 1
}

/** Adds a category at the end of the list. */
export async function createCategory(db: Kysely<Database>, input: { zh: string; en?: string }): Promise<Category> {
  return db.transaction().execute(async (trx) => {
    const all = await lockAll(trx)
    if (all.length >= CATEGORY_LIMITS.max) throw new ApiError('too_many_categories')
    const id = newId(all)
    const en = input.en ?? ''
    checkLabels(all, { id, zh: input.zh, en })
    const sort = Math.max(-1, ...all.map((c) => c.sort)) + 1
    const row = await trx
      .insertInto('categories')
      .values({ id, label_zh: input.zh, label_en: en, sort })
      .returning(['id', 'label_zh', 'label_en', 'retired_at'])
      .executeTakeFirstOrThrow()
    return toCategory(row)
  })
}

/** Renames, retires or brings back one category. A category brought back must not clash with an active one. */
export async function updateCategory(db: Kysely<Database>, id: string, change: UpdateCategory): Promise<Category> {
  return db.transaction().execute(async (trx) => {
    const all = await lockAll(trx)
    const current = all.find((c) => c.id === id)
    if (!current) throw new ApiError('not_found')
    const next = {
      id,
      zh: change.zh ?? current.label_zh,
      en: change.en ?? current.label_en,
      retiredAt: change.retired === undefined ? current.retired_at : change.retired ? (current.retired_at ?? new Date()) : null,
    }
    if (next.retiredAt === null) checkLabels(all, next)
    const row = await trx
      .updateTable('categories')
      .set({ label_zh: next.zh, label_en: next.en, retired_at: next.retiredAt, updated_at: new Date() })
      .where('id', '=', id)
      .returning(['id', 'label_zh', 'label_en', 'retired_at'])
      .executeTakeFirstOrThrow()
    return toCategory(row)
  })
}

/** Puts the categories in the order of `ids`, which must name every category exactly once. */
export async function reorderCategories(db: Kysely<Database>, ids: string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const all = await lockAll(trx)
    const known = new Set(all.map((c) => c.id))
    if (ids.length !== all.length || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id))) {
      throw new ApiError('invalid_request', [{ path: 'ids', code: 'invalid_request' }])
    }
    // One statement for the whole order; rows whose place did not change are left alone.
    await sql`update categories as c set sort = v.sort, updated_at = now()
      from unnest(${ids}::text[], ${ids.map((_, i) => i)}::int[]) as v(id, sort)
      where c.id = v.id and c.sort <> v.sort`.execute(trx)
  })
}
