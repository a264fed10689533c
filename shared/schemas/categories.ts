import * as v from 'valibot'
import { CATEGORY_ID, CATEGORY_LIMITS } from '../categories'
import { lineText, record } from '../validation'

/** The zh label: required, one line. */
const zh = lineText(1, CATEGORY_LIMITS.zhMax, 'text_required', 'text_too_long')
/** The English label may stay empty: the zh label is shown instead. */
const en = lineText(0, CATEGORY_LIMITS.enMax, 'text_required', 'text_too_long')

/** A new category; the server makes its id. */
export const CreateCategorySchema = record({ zh, en: v.optional(en) })

/** Rename (either label) or retire (`retired: true`) or bring back (`retired: false`). */
export const UpdateCategorySchema = record({ zh: v.optional(zh), en: v.optional(en), retired: v.optional(v.boolean()) })

/** The new order: every category's id, once each, first shown first. */
export const CategoryOrderSchema = record({
  ids: v.pipe(v.array(v.string()), v.maxLength(CATEGORY_LIMITS.max, 'invalid_request')),
})

/**
 * The inbox's category filter, a comma list. Categories come and go: any id of the right shape
 * filters (a retired one finds its old items, an unknown one nothing).
 */
export const categoryFilter = v.optional(
  v.pipe(
    v.string(),
    v.transform((s) => s.split(',').filter(Boolean)),
    v.check((ids) => ids.every((id) => CATEGORY_ID.test(id)), 'invalid_query'),
  ),
)

export type UpdateCategory = v.InferOutput<typeof UpdateCategorySchema>
