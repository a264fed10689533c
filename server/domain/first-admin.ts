import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Passwords } from '../auth/passwords'
import { ApiError } from '../http/api-error'
import { insertAccount } from './account-changes'

/** True while the database has no active admin: a fresh install. */
export async function needsFirstAdmin(db: Kysely<Database>): Promise<boolean> {
  const admin = await db.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', true).executeTakeFirst()
  return !admin
}

/**
 * The first admin, at the top of the organisation tree. Refused once an admin exists: two setups at
 * once are ordered by a transaction-wide advisory lock, and the second finds the first's admin.
 */
export async function createFirstAdmin(db: Kysely<Database>, passwords: Passwords, fields: { username: string; displayName: string; password: string }): Promise<string> {
  const passwordHash = await passwords.hash(fields.password)
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7242001)`.execute(trx)
    if (!(await needsFirstAdmin(trx))) throw new ApiError('setup_done')
    const root = await trx.selectFrom('org_units').select('id').where('parent_id', 'is', null).orderBy('sort').orderBy('created_at').executeTakeFirst()
    if (!root) throw new ApiError('unit_not_found')
    return insertAccount(trx, { username: fields.username, displayName: fields.displayName, role: 'admin', unitId: root.id }, passwordHash)
  })
}
