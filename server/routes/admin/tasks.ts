import { Hono } from 'hono'
import { requireRole, requireSession } from '../../auth/middleware'
import { openTasks } from '../../domain/items/tasks'
import type { AppEnv } from '../../http/env'

/** 我的待办: the open dispatches that are the caller's to see to, soonest deadline first. Admins have none. */
export const tasksRoute = new Hono<AppEnv>()
  .use('*', requireSession, requireRole('officer', 'handler', 'leader'))
  .get('/', async (c) => c.json(await openTasks(c.get('db'), c.get('user'))))
