import { Hono } from 'hono'
import { ScanQuerySchema } from '../../../shared/schemas/scans'
import { todayInChina } from '../../../shared/time'
import { requireRole, requireSession } from '../../auth/middleware'
import { scanCounts } from '../../domain/scans'
import { unitInScope } from '../../domain/units'
import { ApiError } from '../../http/api-error'
import type { AppEnv } from '../../http/env'
import { query } from '../../http/validate'

/** Scans of the QR points of the caller's subtree, or of a unit in it (admins keep the points, officers read the figures). */
export const scansRoute = new Hono<AppEnv>()
  .use('*', requireSession, requireRole('admin', 'officer', 'leader'))
  .get('/', query(ScanQuerySchema), async (c) => {
    const { from, to, unitId } = c.req.valid('query')
    const today = todayInChina()
    const end = to ?? today
    const start = from ?? todayInChina(new Date(Date.parse(`${end}T12:00:00+08:00`) - 29 * 86_400_000))
    const user = c.get('user')
    // A unit asked for must be in the caller's subtree; its own subtree is counted.
    const unit = unitId ? await unitInScope(c.get('db'), user.unitPath, unitId) : null
    if (unitId && !unit) throw new ApiError('unit_not_found')
    return c.json(await scanCounts(c.get('db'), unit?.path ?? user.unitPath, start, end))
  })
