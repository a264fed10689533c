import { Hono } from 'hono'
import { ScanQuerySchema } from '../../../shared/schemas/scans'
import { todayInChina } from '../../../shared/time'
import { requireRole, requireSession } from '../../auth/middleware'
import { scanCounts } from '../../domain/scans'
import type { AppEnv } from '../../http/env'
import { query } from '../../http/validate'

/** Scans of the QR points of the caller's subtree (admins keep the points, officers read the figures). */
export const scansRoute = new Hono<AppEnv>()
  .use('*', requireSession, requireRole('admin', 'officer', 'leader'))
  .get('/', query(ScanQuerySchema), async (c) => {
    const { from, to } = c.req.valid('query')
    const today = todayInChina()
    const end = to ?? today
    const start = from ?? todayInChina(new Date(Date.parse(`${end}T12:00:00+08:00`) - 29 * 86_400_000))
    return c.json(await scanCounts(c.get('db'), c.get('user').unitPath, start, end))
  })
