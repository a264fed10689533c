import * as v from 'valibot'
import { ROLES } from '../roles'
import { record } from '../validation'
import { displayName, password, username, uuid } from './fields'

/** An admin creates a reviewer account in a unit. */
export const CreateUserSchema = record({
  username,
  displayName,
  role: v.picklist(ROLES, 'invalid_role'),
  unitId: uuid,
  password,
})

/** An admin changes an account; absent fields stay as they are. */
export const UpdateUserSchema = record({
  displayName: v.optional(displayName),
  role: v.optional(v.picklist(ROLES, 'invalid_role')),
  unitId: v.optional(uuid),
  active: v.optional(v.boolean()),
  password: v.optional(password),
})
