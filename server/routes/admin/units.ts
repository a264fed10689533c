import { Hono } from 'hono'
import { CreateUnitSchema, UpdateUnitSchema } from '../../../shared/schemas/units'
import { requireRole, requireSession } from '../../auth/middleware'
import { createUnit, deleteUnit, updateUnit } from '../../domain/unit-changes'
import { subtreeUnits } from '../../domain/unit-tree'
import type { AppEnv } from '../../http/env'
import { idParam, json } from '../../http/validate'

/** The organisation tree of the caller's subtree: every reviewer reads it, admins change it. */
export const unitsRoute = new Hono<AppEnv>()
  .use('*', requireSession)
  .get('/', async (c) => c.json(await subtreeUnits(c.get('db'), c.get('user').unitPath)))
  .post('/', requireRole('admin'), json(CreateUnitSchema), async (c) =>
    c.json(await createUnit(c.get('db'), c.get('user').unitPath, c.req.valid('json')), 201),
  )
  .patch('/:id', requireRole('admin'), idParam, json(UpdateUnitSchema), async (c) =>
    c.json(await updateUnit(c.get('db'), c.get('user').unitPath, c.req.valid('param').id, c.req.valid('json'))),
  )
  .delete('/:id', requireRole('admin'), idParam, async (c) => {
    await deleteUnit(c.get('db'), c.get('user').unitPath, c.req.valid('param').id)
    return c.body(null, 204)
  })
