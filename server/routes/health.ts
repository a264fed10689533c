import { Hono } from 'hono'
import type { HealthResponse } from '../../shared/api'
import type { DialectName } from '../db/connect'
import { ping } from '../db/ping'
import { UNAVAILABLE_RETRY_AFTER_S } from '../db/unavailable'
import { sendError } from '../http/api-error'
import type { AppEnv } from '../http/env'

/** Says which database the app runs on, after asking it: a dead database is a 503, not an "ok". */
export function healthRoute(dialect: DialectName, version: string) {
  return new Hono<AppEnv>().get('/', async (c) => {
    try {
      await ping(c.get('db'))
    } catch {
      c.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_S))
      return sendError(c, 'unavailable')
    }
    const body: HealthResponse = { ok: true, database: dialect, version }
    return c.json(body)
  })
}
