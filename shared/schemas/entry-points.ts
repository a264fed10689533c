import * as v from 'valibot'
import { ADMIN_LIMITS, ENTRY_POINT_CODE } from '../limits'
import { record } from '../validation'
import { line, uuid } from './fields'

/** A QR point: the short code of its poster's link, its name, the unit it belongs to. */
export const CreateEntryPointSchema = record({
  code: v.pipe(v.string(), v.trim(), v.regex(ENTRY_POINT_CODE, 'invalid_request')),
  name: line(ADMIN_LIMITS.entryPointNameMax),
  unitId: uuid,
})

/** The code is printed on posters, so it never changes. */
export const UpdateEntryPointSchema = record({
  name: v.optional(line(ADMIN_LIMITS.entryPointNameMax)),
  unitId: v.optional(uuid),
  active: v.optional(v.boolean()),
})
