import { Hono } from 'hono'
import { FirstAdminSchema } from '../../shared/schemas/auth'
import { validate } from '../../shared/validation'
import { checkOrigin } from '../auth/middleware'
import type { SetupToken } from '../auth/setup-token'
import { createFirstAdmin } from '../domain/first-admin'
import { ApiError } from '../http/api-error'
import type { AppEnv } from '../http/env'
import { readJson } from '../http/read-json'
import { invalid } from '../http/uuid-param'
import { openSession } from './auth'

/**
 * `POST /api/setup`: the first admin, from the one-time link the server printed at its start on
 * a database with no admin. The link is spent by its first use; after that, logins as usual.
 */
export function setupRoute(token: SetupToken | null) {
  return new Hono<AppEnv>().post('/', async (c) => {
    checkOrigin(c)
    const body = validate(FirstAdminSchema, await readJson(c))
    if (!body.ok) throw invalid(body.errors)
    if (!token?.matches(body.value.token)) throw new ApiError('setup_token_invalid')
    const id = await createFirstAdmin(c.get('db'), body.value)
    token.spend()
    return c.json(await openSession(c, id), 201)
  })
}
