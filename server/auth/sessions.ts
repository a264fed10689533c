import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Role } from '../../shared/roles'
import type { Database } from '../db/schema'

/** Idle sessions end after 12 hours; any session after 7 days. */
export const SESSION_IDLE_MS = 12 * 3600_000
export const SESSION_MAX_MS = 7 * 24 * 3600_000
// Touching a session on every request would write on every read; once a minute is enough.
const TOUCH_EVERY_MS = 60_000

export interface SessionUser {
  id: string
  username: string
  displayName: string
  role: Role
  unitId: string
  /** The user's unit path: everything they may see starts with it. */
  unitPath: string
  csrfToken: string
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** A new session with a fresh random token (never one the browser brought: no fixation). */
export async function createSession(db: Kysely<Database>, userId: string): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(24).toString('base64url')
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: new Date(Date.now() + SESSION_MAX_MS),
    })
    .execute()
  return { token, csrfToken }
}

/** The live session's user, or null when the token is unknown, expired, idle too long, or the user is disabled. */
export async function sessionUser(db: Kysely<Database>, token: string): Promise<SessionUser | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null
  const now = Date.now()
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('org_units as o', 'o.id', 'u.unit_id')
    .select([
      's.token_hash',
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.unit_id',
      'u.active',
      'o.path',
    ])
    .where('s.token_hash', '=', hashToken(token))
    .executeTakeFirst()
  if (!row) return null
  if (!row.active || row.expires_at.getTime() <= now || row.last_seen_at.getTime() + SESSION_IDLE_MS <= now) {
    await db.deleteFrom('sessions').where('token_hash', '=', row.token_hash).execute()
    return null
  }
  if (row.last_seen_at.getTime() + TOUCH_EVERY_MS < now) {
    await db.updateTable('sessions').set({ last_seen_at: new Date(now) }).where('token_hash', '=', row.token_hash).execute()
  }
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unitId: row.unit_id,
    unitPath: row.path,
    csrfToken: row.csrf_token,
  }
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute()
}

/** Ends every session of a user (password change, account disabled). */
export async function deleteUserSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute()
}

export async function pruneSessions(db: Kysely<Database>): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([eb('expires_at', '<=', new Date()), eb('last_seen_at', '<=', new Date(Date.now() - SESSION_IDLE_MS))]),
    )
    .execute()
}
