import * as v from 'valibot'

// The type, the eight defaults and the labels live in category-labels.ts (no valibot there).
export { categoryLabel, DEFAULT_CATEGORIES, labelOf, type Category, type CategoryId } from './category-labels'

/** The shape of every category id; the server checks that the id exists (and is offered). */
export const CATEGORY_ID = /^[a-z][a-z0-9_]{0,31}$/

/** The category field of a submission or a classification: the id's shape only. */
export const categoryIdSchema = v.pipe(v.string(), v.regex(CATEGORY_ID, 'invalid_category'))

/** How many categories may exist, retired ones included, and how long their labels may be. */
export const CATEGORY_LIMITS = { max: 50, zhMax: 20, enMax: 60 } as const
