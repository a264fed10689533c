import { Hono } from 'hono'
import { ReportQuerySchema } from '../../../shared/schemas/report-query'
import { requireRole, requireSession } from '../../auth/middleware'
import { monthlyReport } from '../../domain/items/report'
import type { AppEnv } from '../../http/env'
import { query } from '../../http/validate'

/** The 月报: what the printable monthly report shows, in one answer. */
export const reportRoute = new Hono<AppEnv>()
  .use('*', requireSession, requireRole('officer', 'handler', 'leader'))
  .get('/', query(ReportQuerySchema), async (c) => c.json(await monthlyReport(c.get('db'), c.get('user'), c.req.valid('query'))))
