import { Hono } from 'hono'
import { CreateUserSchema, UpdateUserSchema } from '../../../shared/schemas/users'
import { UserQuerySchema } from '../../../shared/user-query'
import { requireRole, requireSession } from '../../auth/middleware'
import { createAccount, updateAccount } from '../../domain/account-changes'
import { accountsFor, userInScope } from '../../domain/accounts'
import type { AppEnv } from '../../http/env'
import { idParam, json, query } from '../../http/validate'

/** Accounts of the caller's subtree. Admins manage them; officers read who they may dispatch to. */
export const usersRoute = new Hono<AppEnv>()
  .use('*', requireSession)
  .get('/', requireRole('admin', 'officer'), query(UserQuerySchema), async (c) =>
    c.json(await accountsFor(c.get('db'), c.get('user'), c.req.valid('query'))),
  )
  .post('/', requireRole('admin'), json(CreateUserSchema), async (c) => {
    const me = c.get('user')
    const id = await createAccount(c.get('db'), c.get('passwords'), { unitPath: me.unitPath, selfId: me.id }, c.req.valid('json'))
    return c.json(await userInScope(c.get('db'), me.unitPath, id), 201)
  })
  .patch('/:id', requireRole('admin'), idParam, json(UpdateUserSchema), async (c) => {
    const me = c.get('user')
    const { id } = c.req.valid('param')
    await updateAccount(c.get('db'), c.get('passwords'), { unitPath: me.unitPath, selfId: me.id }, id, c.req.valid('json'))
    return c.json(await userInScope(c.get('db'), me.unitPath, id))
  })
