import * as v from 'valibot'
import { record } from '../validation'
import { line, uuid } from './fields'

/** A QR point: the short code of its poster's link, its name, the unit it belongs to. */
export const CreateEntryPointSchema = record({
  code: v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9_-]{1,32}$/, 'invalid_request')),
  name: line(100),
  unitId: uuid,
})

/** The code is printed on posters, so it never changes. */
export const UpdateEntryPointSchema = record({
  name: v.optional(line(100)),
  unitId: v.optional(uuid),
  active: v.optional(v.boolean()),
})
