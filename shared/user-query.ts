import * as v from 'valibot'
import { ROLES } from './roles'
import { record, uuid } from './validation'

/** An empty value (`?role=`) filters nothing. */
const blankOr = <S extends v.GenericSchema<string>>(schema: S) =>
  v.optional(v.union([v.pipe(v.literal(''), v.transform(() => undefined)), schema], 'invalid_query'))

/** The account list's filters, as query-string values: a role, and a unit whose subtree to list. */
export const UserQuerySchema = record({
  role: blankOr(v.picklist(ROLES, 'invalid_query')),
  unitId: blankOr(uuid),
})
