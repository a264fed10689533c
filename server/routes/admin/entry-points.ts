import { Hono, type Context } from 'hono'
import { PosterQuerySchema, PosterTextSchema, type PublicOriginView } from '../../../shared/posters'
import { CreateEntryPointSchema, UpdateEntryPointSchema } from '../../../shared/schemas/entry-points'
import { requireRole, requireSession } from '../../auth/middleware'
import { createEntryPoint, updateEntryPoint } from '../../domain/entry-point-changes'
import { entryPointInScope, listEntryPoints } from '../../domain/entry-point-views'
import { posterOrigin } from '../../domain/poster-origin'
import { posterText, setPosterText } from '../../domain/poster-text'
import { listPosters } from '../../domain/posters'
import { qrSvg } from '../../domain/qr-svg'
import { ApiError } from '../../http/api-error'
import { isHttps, requestHost } from '../../http/client-info'
import type { AppEnv } from '../../http/env'
import { idParam, json, query } from '../../http/validate'

/** Where a printed code points: PUBLIC_ORIGIN, else the browsed address if phones can reach it (else a 409). */
function printOrigin(c: Context<AppEnv>): string {
  return posterOrigin(c.get('network').publicOrigin, `${isHttps(c) ? 'https' : 'http'}://${requestHost(c)}`)
}

/** QR entry points of the caller's subtree: admins manage them, officers read them. */
export const adminEntryPointsRoute = new Hono<AppEnv>()
  .use('*', requireSession, requireRole('admin', 'officer'))
  .get('/', async (c) => c.json(await listEntryPoints(c.get('db'), c.get('user').unitPath)))
  .get('/public-origin', (c) => c.json<PublicOriginView>({ origin: printOrigin(c) }))
  .get('/posters', query(PosterQuerySchema), async (c) => {
    const origin = printOrigin(c)
    const posters = await listPosters(c.get('db'), c.get('user').unitPath, origin, c.req.valid('query'))
    if (!posters) throw new ApiError('not_found')
    return c.json(posters)
  })
  // The union's words on its posters: officers set them for their own unit, as the reply promise.
  .get('/poster-text', async (c) => c.json(await posterText(c.get('db'), c.get('user').unitId)))
  .put('/poster-text', requireRole('officer'), json(PosterTextSchema), async (c) => {
    await setPosterText(c.get('db'), c.get('user').unitId, c.req.valid('json'))
    return c.json(await posterText(c.get('db'), c.get('user').unitId))
  })
  .get('/:id/qr.svg', idParam, async (c) => {
    const ep = await entryPointInScope(c.get('db'), c.get('user').unitPath, c.req.valid('param').id)
    if (!ep) throw new ApiError('not_found')
    const origin = printOrigin(c)
    c.header('Content-Type', 'image/svg+xml; charset=utf-8')
    c.header('Content-Disposition', `inline; filename="qr-${ep.code}.svg"`)
    return c.body(qrSvg(`${origin}${ep.link}`, ep.name))
  })
  .post('/', requireRole('admin'), json(CreateEntryPointSchema), async (c) =>
    c.json(await createEntryPoint(c.get('db'), c.get('user').unitPath, c.req.valid('json')), 201),
  )
  .patch('/:id', requireRole('admin'), idParam, json(UpdateEntryPointSchema), async (c) =>
    c.json(await updateEntryPoint(c.get('db'), c.get('user').unitPath, c.req.valid('param').id, c.req.valid('json'))),
  )
