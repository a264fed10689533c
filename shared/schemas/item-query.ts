import * as v from 'valibot'
import { categoryFilter } from './categories'
import { ADMIN_LIMITS, charLength, ENTRY_POINT_CODE } from '../limits'
import { STATUSES } from '../lifecycle'
import { RATINGS } from '../ratings'
import { lineSavable, normalizeText } from '../text'
import { record } from '../validation'
import { calendarDay, uuid } from './fields'

const flag = v.optional(v.picklist(['0', '1'], 'invalid_query'))
const list = <T extends string>(allowed: readonly T[]) =>
  v.optional(
    v.pipe(
      v.string(),
      v.transform((s) => s.split(',').filter(Boolean)),
      v.check((xs) => xs.every((x) => (allowed as readonly string[]).includes(x)), 'invalid_query'),
      v.transform((xs) => xs as T[]),
    ),
  )

/** The inbox's filters, as query-string values. */
export const ItemQuerySchema = record({
  status: list(STATUSES),
  category: categoryFilter,
  rating: list(RATINGS),
  unitId: v.optional(uuid),
  entryPoint: v.optional(v.pipe(v.string(), v.regex(ENTRY_POINT_CODE, 'invalid_query'))),
  from: v.optional(calendarDay),
  to: v.optional(calendarDay),
  overdue: flag,
  proposal: flag,
  q: v.optional(
    v.pipe(
      v.string(),
      v.transform(normalizeText),
      v.check(lineSavable, 'invalid_query'),
      v.check((s) => charLength(s) <= ADMIN_LIMITS.searchMax, 'invalid_query'),
    ),
  ),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(ADMIN_LIMITS.cursorMax, 'invalid_cursor'))),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.transform(Number),
      v.check((n) => Number.isInteger(n) && n >= 1 && n <= ADMIN_LIMITS.pageMax, 'invalid_query'),
    ),
  ),
})

export type ItemQuery = v.InferOutput<typeof ItemQuerySchema>
