import type { Kysely } from 'kysely'
import type { Me } from '../../shared/admin-api'
import type { Passwords } from '../auth/passwords'
import type { SessionUser } from '../auth/sessions'
import type { Database } from '../db/schema'
import { ApiError } from '../http/api-error'
import { unitRef } from './units'

/** The id of the active account these credentials open, or null. */
export async function checkLogin(db: Kysely<Database>, passwords: Passwords, username: string, password: string): Promise<string | null> {
  const user = await db.selectFrom('users').select(['id', 'password_hash', 'active']).where('username', '=', username).executeTakeFirst()
  // Check a hash even for unknown users, so the answer's timing does not tell who exists.
  const matches = user ? await passwords.verify(password, user.password_hash) : await passwords.verifyNobody(password)
  return user && matches && user.active ? user.id : null
}

/**
 * A reviewer's own new password, given the current one. Every other session ends: each session
 * has its own random CSRF token, so it names the one in use without re-hashing the cookie.
 */
export async function changeOwnPassword(
  db: Kysely<Database>,
  passwords: Passwords,
  user: Pick<SessionUser, 'id' | 'csrfToken'>,
  change: { current: string; next: string },
): Promise<void> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow()
  if (!(await passwords.verify(change.current, row.password_hash))) {
    throw new ApiError('wrong_password', [{ path: 'current', code: 'wrong_password' }])
  }
  const passwordHash = await passwords.hash(change.next)
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', user.id).execute()
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('csrf_token', '!=', user.csrfToken).execute()
  })
}

/** Who is logged in, as the admin screens read it; `known` spares the lookup when the session has it. */
export async function whoAmI(db: Kysely<Database>, userId: string, csrfToken: string, known?: SessionUser): Promise<Me> {
  const row = known
    ? { id: known.id, username: known.username, display_name: known.displayName, role: known.role, unit_id: known.unitId }
    : await db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'unit_id']).where('id', '=', userId).executeTakeFirstOrThrow()
  const unit = await unitRef(db, row.unit_id)
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unit: unit ?? { id: row.unit_id, name: '', path: [] },
    csrfToken,
  }
}
