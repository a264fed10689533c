import type { Kysely } from 'kysely'
import type { Role } from '../../shared/roles'
import type { Passwords } from '../auth/passwords'
import { deleteUserSessions } from '../auth/sessions'
import type { Database } from '../db/schema'
import { ApiError } from '../http/api-error'
import { userInScope } from './accounts'
import { holdUnit, unitInScope, unitNotFound } from './units'

/** Who changes accounts: an admin within its subtree, or the command line (`/`, nobody's own). */
export interface AccountCaller {
  unitPath: string
  /** The caller's own account, which it may not lock itself out of; null on the command line. */
  selfId: string | null
}

/** The command line's standing: the whole tree, and no account of its own. */
export const OPERATOR: AccountCaller = { unitPath: '/', selfId: null }

export interface NewAccount {
  username: string
  displayName: string
  role: Role
  unitId: string
  password: string
}

/** A new account in a unit of the caller's subtree; its id. */
export async function createAccount(db: Kysely<Database>, passwords: Passwords, caller: AccountCaller, fields: NewAccount): Promise<string> {
  const { username, displayName, role, unitId, password } = fields
  if (!(await unitInScope(db, caller.unitPath, unitId))) throw unitNotFound()
  const passwordHash = await passwords.hash(password)
  return db.transaction().execute(async (trx) => {
    await holdUnit(trx, unitId)
    return insertAccount(trx, { username, displayName, role, unitId }, passwordHash)
  })
}

/** The one insert of an account, inside the caller's transaction; a taken username (case aside) is a 409. */
export async function insertAccount(
  trx: Kysely<Database>,
  fields: Omit<NewAccount, 'password'>,
  passwordHash: string,
): Promise<string> {
  const { username, displayName, role, unitId } = fields
  const row = await trx
    .insertInto('users')
    .values({ username, display_name: displayName, role, unit_id: unitId, password_hash: passwordHash })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst()
  if (!row) throw new ApiError('username_taken', [{ path: 'username', code: 'username_taken' }])
  return row.id
}

export interface AccountChange {
  displayName?: string
  role?: Role
  unitId?: string
  active?: boolean
  password?: string
}

/** Changes an account of the caller's subtree; disabling it or a new password ends its sessions. */
export async function updateAccount(db: Kysely<Database>, passwords: Passwords, caller: AccountCaller, id: string, change: AccountChange): Promise<void> {
  const target = await userInScope(db, caller.unitPath, id)
  if (!target) throw new ApiError('not_found')
  // An admin who disabled, demoted or moved themselves could lock everyone out of this subtree.
  if (
    id === caller.selfId &&
    (change.active === false || (change.role && change.role !== 'admin') || (change.unitId && change.unitId !== target.unit.id))
  ) {
    throw new ApiError('cannot_change_self')
  }
  if (change.unitId && !(await unitInScope(db, caller.unitPath, change.unitId))) throw unitNotFound()
  const passwordHash = change.password ? await passwords.hash(change.password) : undefined
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('users').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
    if (!row) throw new ApiError('not_found')
    if (change.unitId) await holdUnit(trx, change.unitId)
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
}
