import * as v from 'valibot'
import { ADMIN_LIMITS } from '../limits'
import { record } from '../validation'
import { displayName, password, username, USERNAME } from './fields'

/** A reviewer's login. A malformed name or an overlong password fails like a wrong one. */
export const LoginSchema = record({
  username: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(USERNAME, 'invalid_credentials')),
  password: v.pipe(v.string(), v.maxLength(ADMIN_LIMITS.passwordMax, 'invalid_credentials')),
})

/** A reviewer changes their own password. */
export const ChangePasswordSchema = record({ current: v.string(), next: password })

/** The first admin, created through the one-time link the server prints on a fresh install. */
export const FirstAdminSchema = record({
  token: v.pipe(v.string(), v.maxLength(ADMIN_LIMITS.setupTokenMax, 'setup_token_invalid')),
  username,
  displayName,
  password,
})
