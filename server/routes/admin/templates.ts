import { Hono } from 'hono'
import type { ReplyTemplateView } from '../../../shared/admin-api'
import { TemplateSchema } from '../../../shared/schemas/templates'
import { requireRole, requireSession } from '../../auth/middleware'
import { createTemplate, deleteTemplate, readableTemplates } from '../../domain/reply-templates'
import type { AppEnv } from '../../http/env'
import { idParam, json } from '../../http/validate'

/**
 * Reply templates for common answers. An officer reads those of its own unit and of the units
 * above it, and writes only its own unit's.
 */
export const templatesRoute = new Hono<AppEnv>()
  .use('*', requireSession, requireRole('officer'))
  .get('/', async (c) => c.json(await readableTemplates(c.get('db'), c.get('user'))))
  .post('/', json(TemplateSchema), async (c) => c.json(await createTemplate(c.get('db'), c.get('user'), c.req.valid('json')), 201))
  .delete('/:id', idParam, async (c) => {
    await deleteTemplate(c.get('db'), c.get('user'), c.req.valid('param').id)
    return c.body(null, 204)
  })
