import { Hono, type Context } from 'hono'
import { CreateEntryPointSchema, UpdateEntryPointSchema } from '../../../shared/schemas/entry-points'
import { requireRole, requireSession } from '../../auth/middleware'
import { createEntryPoint, updateEntryPoint } from '../../domain/entry-point-changes'
import { entryPointInScope, listEntryPoints } from '../../domain/entry-point-views'
import { qrSvg } from '../../domain/qr-svg'
import { ApiError } from '../../http/api-error'
import { isHttps, requestHost } from '../../http/client-info'
import type { AppEnv } from '../../http/env'
import { idParam, json } from '../../http/validate'

/** The site's own address as the browser reached it, for a poster that must work when scanned. */
function siteOrigin(c: Context<AppEnv>): string {
  return c.get('network').publicOrigin ?? `${isHttps(c) ? 'https' : 'http'}://${requestHost(c)}`
}

/** QR entry points of the caller's subtree: admins manage them, officers read them. */
export const adminEntryPointsRoute = new Hono<AppEnv>()
  .use('*', requireSession, requireRole('admin', 'officer'))
  .get('/', async (c) => c.json(await listEntryPoints(c.get('db'), c.get('user').unitPath)))
  .get('/:id/qr.svg', idParam, async (c) => {
    const ep = await entryPointInScope(c.get('db'), c.get('user').unitPath, c.req.valid('param').id)
    if (!ep) throw new ApiError('not_found')
    c.header('Content-Type', 'image/svg+xml; charset=utf-8')
    c.header('Content-Disposition', `inline; filename="qr-${ep.code}.svg"`)
    return c.body(qrSvg(`${siteOrigin(c)}${ep.link}`, ep.name))
  })
  .post('/', requireRole('admin'), json(CreateEntryPointSchema), async (c) =>
    c.json(await createEntryPoint(c.get('db'), c.get('user').unitPath, c.req.valid('json')), 201),
  )
  .patch('/:id', requireRole('admin'), idParam, json(UpdateEntryPointSchema), async (c) =>
    c.json(await updateEntryPoint(c.get('db'), c.get('user').unitPath, c.req.valid('param').id, c.req.valid('json'))),
  )
