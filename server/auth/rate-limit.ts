import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'

export interface Limit {
  /** Attempts allowed in one window. */
  max: number
  windowMs: number
}

/** Explicit limits: each is tested. */
export const LIMITS_BY_NAME = {
  /** Failed logins for one username: 5 per 15 minutes. */
  loginUser: { max: 5, windowMs: 15 * 60_000 },
  /** Failed logins from one address, whatever the username: 20 per 15 minutes. */
  loginAddress: { max: 20, windowMs: 15 * 60_000 },
} as const satisfies Record<string, Limit>

/**
 * Counts one event under `key` in a fixed window, in PostgreSQL so every app process shares
 * it. Returns how long to wait when the limit is already reached.
 */
export async function hit(db: Kysely<Database>, key: string, limit: Limit, now = new Date()): Promise<{ allowed: boolean; retryAfterS: number }> {
  const windowStart = new Date(now.getTime() - limit.windowMs)
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: now, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        // A window that has run out starts again; otherwise count on.
        count: sql`case when rate_limits.window_start <= ${windowStart} then 1 else rate_limits.count + 1 end`,
        window_start: sql`case when rate_limits.window_start <= ${windowStart} then ${now} else rate_limits.window_start end`,
      }),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow()
  const allowed = row.count <= limit.max
  const retryAfterS = allowed ? 0 : Math.max(1, Math.ceil((row.window_start.getTime() + limit.windowMs - now.getTime()) / 1000))
  return { allowed, retryAfterS }
}

/** Whether `key` is over its limit now, without counting. */
export async function isLimited(db: Kysely<Database>, key: string, limit: Limit, now = new Date()): Promise<number> {
  const row = await db.selectFrom('rate_limits').select(['count', 'window_start']).where('key', '=', key).executeTakeFirst()
  if (!row || row.window_start.getTime() <= now.getTime() - limit.windowMs || row.count < limit.max) return 0
  return Math.max(1, Math.ceil((row.window_start.getTime() + limit.windowMs - now.getTime()) / 1000))
}

export async function clearLimit(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute()
}

/**
 * A key for a client address that holds no address: a salted hash, the salt kept in the
 * database (shared by processes, never sent anywhere).
 */
export async function addressKey(db: Kysely<Database>, address: string): Promise<string> {
  let salt = await db.selectFrom('server_secrets').select('value').where('name', '=', 'address_salt').executeTakeFirst()
  if (!salt) {
    await sql`insert into server_secrets (name, value)
      values ('address_salt', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''))
      on conflict (name) do nothing`.execute(db)
    salt = await db.selectFrom('server_secrets').select('value').where('name', '=', 'address_salt').executeTakeFirstOrThrow()
  }
  return createHash('sha256').update(`${salt.value}:${address}`).digest('hex').slice(0, 32)
}

/** Drops windows that ended long ago, so the table stays small. */
export async function pruneLimits(db: Kysely<Database>, olderThanMs = 24 * 3600_000): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', new Date(Date.now() - olderThanMs)).execute()
}
