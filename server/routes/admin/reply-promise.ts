import { Hono } from 'hono'
import { ReplyPromiseSchema } from '../../../shared/schemas/units'
import { requireRole, requireSession } from '../../auth/middleware'
import { replyPromise, setReplyPromise } from '../../domain/reply-promise'
import type { AppEnv } from '../../http/env'
import { json } from '../../http/validate'

/**
 * The union's promised time to answer, set by an officer for its own unit (and so for the units
 * below it that set none): the worker reads "一般在 N 天内答复" after submitting.
 */
export const replyPromiseRoute = new Hono<AppEnv>()
  .use('*', requireSession, requireRole('officer'))
  .get('/', async (c) => c.json(await replyPromise(c.get('db'), c.get('user').unitId)))
  .put('/', json(ReplyPromiseSchema), async (c) => {
    await setReplyPromise(c.get('db'), c.get('user').unitId, c.req.valid('json').days)
    return c.json(await replyPromise(c.get('db'), c.get('user').unitId))
  })
