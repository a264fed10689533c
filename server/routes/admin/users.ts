import { Hono } from 'hono'
import { CreateUserSchema, UpdateUserSchema } from '../../../shared/schemas/users'
import { ROLES, type Role } from '../../../shared/roles'
import { validate } from '../../../shared/validation'
import { requireRole, requireSession } from '../../auth/middleware'
import { hashPassword } from '../../auth/passwords'
import { deleteUserSessions } from '../../auth/sessions'
import { listUsers, staffView, userInScope } from '../../domain/accounts'
import { unitInScope } from '../../domain/units'
import { ApiError } from '../../http/api-error'
import type { AppEnv } from '../../http/env'
import { readJson } from '../../http/read-json'
import { invalid, uuidParam } from '../../http/uuid-param'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const unitNotFound = () => new ApiError('unit_not_found', [{ path: 'unitId', code: 'unit_not_found' }])

/** Accounts of the caller's subtree. Admins manage them; officers read who they may dispatch to. */
export const usersRoute = new Hono<AppEnv>()
  .use('*', requireSession)
  .get('/', requireRole('admin', 'officer'), async (c) => {
    const db = c.get('db')
    const user = c.get('user')
    const { role, unitId, ...rest } = c.req.query()
    if (Object.keys(rest).length || (role && !ROLES.includes(role as Role)) || (unitId && !UUID.test(unitId))) {
      throw new ApiError('invalid_query')
    }
    let unitPath = user.unitPath
    if (unitId) {
      const unit = await unitInScope(db, user.unitPath, unitId.toLowerCase())
      if (!unit) throw unitNotFound()
      unitPath = unit.path
    }
    if (user.role === 'admin') return c.json(await listUsers(db, { unitPath, role: role as Role | undefined }))
    const people = await listUsers(db, { unitPath, role: role as Role | undefined, staffOnly: true })
    return c.json(people.map(staffView))
  })
  .post('/', requireRole('admin'), async (c) => {
    const db = c.get('db')
    const body = validate(CreateUserSchema, await readJson(c))
    if (!body.ok) throw invalid(body.errors)
    const { username, displayName, role, unitId, password } = body.value
    if (!(await unitInScope(db, c.get('user').unitPath, unitId))) throw unitNotFound()
    const passwordHash = await hashPassword(password)
    const id = await db.transaction().execute(async (trx) => {
      // The unit is held for the insert, so a concurrent delete cannot leave the account without one.
      const unit = await trx.selectFrom('org_units').select('id').where('id', '=', unitId).forShare().executeTakeFirst()
      if (!unit) throw unitNotFound()
      const row = await trx
        .insertInto('users')
        .values({ username, display_name: displayName, role, unit_id: unitId, password_hash: passwordHash })
        .onConflict((oc) => oc.column('username').doNothing())
        .returning('id')
        .executeTakeFirst()
      if (!row) throw new ApiError('username_taken', [{ path: 'username', code: 'username_taken' }])
      return row.id
    })
    return c.json(await userInScope(db, c.get('user').unitPath, id), 201)
  })
  .patch('/:id', requireRole('admin'), async (c) => {
    const db = c.get('db')
    const me = c.get('user')
    const id = uuidParam(c)
    const body = validate(UpdateUserSchema, await readJson(c))
    if (!body.ok) throw invalid(body.errors)
    const change = body.value
    const target = await userInScope(db, me.unitPath, id)
    if (!target) throw new ApiError('not_found')
    // An admin who disabled, demoted or moved themselves could lock everyone out of this subtree.
    if (
      id === me.id &&
      (change.active === false || (change.role && change.role !== 'admin') || (change.unitId && change.unitId !== target.unit.id))
    ) {
      throw new ApiError('cannot_change_self')
    }
    if (change.unitId && !(await unitInScope(db, me.unitPath, change.unitId))) throw unitNotFound()
    const passwordHash = change.password ? await hashPassword(change.password) : undefined
    await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('users').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
      if (!row) throw new ApiError('not_found')
      if (change.unitId && !(await trx.selectFrom('org_units').select('id').where('id', '=', change.unitId).forShare().executeTakeFirst())) {
        throw unitNotFound()
      }
      await trx
        .updateTable('users')
        .set({
          ...(change.displayName !== undefined ? { display_name: change.displayName } : {}),
          ...(change.role ? { role: change.role } : {}),
          ...(change.unitId ? { unit_id: change.unitId } : {}),
          ...(change.active !== undefined ? { active: change.active } : {}),
          ...(passwordHash ? { password_hash: passwordHash } : {}),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute()
      // A disabled account or a reset password must not stay logged in anywhere.
      if (change.active === false || passwordHash) await deleteUserSessions(trx, id)
    })
    return c.json(await userInScope(db, me.unitPath, id))
  })
