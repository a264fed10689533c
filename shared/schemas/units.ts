import * as v from 'valibot'
import { ADMIN_LIMITS, INT4 } from '../limits'
import { UNIT_KINDS } from '../unit-kinds'
import { record } from '../validation'
import { line, uuid } from './fields'

/** A unit's place among its siblings: an int4, like its column. */
const sort = v.optional(v.pipe(v.number(), v.integer('invalid_request'), v.minValue(INT4.min, 'invalid_request'), v.maxValue(INT4.max, 'invalid_request')))

export const CreateUnitSchema = record({
  parentId: uuid,
  name: line(ADMIN_LIMITS.unitNameMax),
  kind: v.picklist(UNIT_KINDS, 'invalid_request'),
  sort,
})

export const UpdateUnitSchema = record({
  name: v.optional(line(ADMIN_LIMITS.unitNameMax)),
  kind: v.optional(v.picklist(UNIT_KINDS, 'invalid_request')),
  sort,
})

/** The union's promised days to answer (shown to the worker after submitting); null: no promise. */
export const ReplyPromiseSchema = record({
  days: v.nullable(v.pipe(v.number(), v.integer('invalid_request'), v.minValue(1, 'invalid_request'), v.maxValue(ADMIN_LIMITS.replyWithinDaysMax, 'invalid_request'))),
})
