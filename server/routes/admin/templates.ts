import { Hono } from 'hono'
import type { ReplyTemplateView } from '../../../shared/admin-api'
import { TemplateSchema } from '../../../shared/schemas/templates'
import { validate } from '../../../shared/validation'
import { requireRole, requireSession } from '../../auth/middleware'
import { ApiError } from '../../http/api-error'
import type { AppEnv } from '../../http/env'
import { readJson } from '../../http/read-json'
import { invalid, uuidParam } from '../../http/uuid-param'

/** The units on a path `/a/b/c/`: the caller's own unit and every unit above it. */
const unitsOnPath = (path: string) => path.split('/').filter(Boolean)

/**
 * Reply templates for common answers. An officer reads those of its own unit and of the units
 * above it (a plant's union can share wording with its areas), and writes only its own unit's.
 */
export const templatesRoute = new Hono<AppEnv>()
  .use('*', requireSession, requireRole('officer'))
  .get('/', async (c) => {
    const rows = await c
      .get('db')
      .selectFrom('reply_templates')
      .select(['id', 'title', 'body'])
      .where('unit_id', 'in', unitsOnPath(c.get('user').unitPath))
      .orderBy('title')
      .orderBy('created_at')
      .execute()
    return c.json(rows satisfies ReplyTemplateView[])
  })
  .post('/', async (c) => {
    const user = c.get('user')
    const body = validate(TemplateSchema, await readJson(c))
    if (!body.ok) throw invalid(body.errors)
    const row = await c
      .get('db')
      .insertInto('reply_templates')
      .values({ unit_id: user.unitId, title: body.value.title, body: body.value.body, created_by: user.id })
      .returning(['id', 'title', 'body'])
      .executeTakeFirstOrThrow()
    return c.json(row satisfies ReplyTemplateView, 201)
  })
  .delete('/:id', async (c) => {
    const db = c.get('db')
    const user = c.get('user')
    const id = uuidParam(c)
    const row = await db.selectFrom('reply_templates').select('unit_id').where('id', '=', id).executeTakeFirst()
    // Templates the officer cannot read do not exist for it; those from above are read-only.
    if (!row || !unitsOnPath(user.unitPath).includes(row.unit_id)) throw new ApiError('not_found')
    if (row.unit_id !== user.unitId) throw new ApiError('forbidden')
    await db.deleteFrom('reply_templates').where('id', '=', id).execute()
    return c.body(null, 204)
  })
