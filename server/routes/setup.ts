import { Hono } from 'hono'
import { FirstAdminSchema } from '../../shared/schemas/auth'
import { sameOrigin } from '../auth/middleware'
import type { SetupToken } from '../auth/setup-token'
import { createFirstAdmin } from '../domain/first-admin'
import { ApiError } from '../http/api-error'
import type { AppEnv } from '../http/env'
import { json } from '../http/validate'
import { openSession } from './auth'

/**
 * `POST /api/setup`: the first admin, from the one-time link the server printed at its start on
 * a database with no admin. The link is spent by its first use; after that, logins as usual.
 */
export function setupRoute(token: SetupToken | null) {
  return new Hono<AppEnv>().post('/', sameOrigin, json(FirstAdminSchema), async (c) => {
    const body = c.req.valid('json')
    if (!token?.matches(body.token)) throw new ApiError('setup_token_invalid')
    const id = await createFirstAdmin(c.get('db'), c.get('passwords'), body)
    token.spend()
    return c.json(await openSession(c, id), 201)
  })
}
