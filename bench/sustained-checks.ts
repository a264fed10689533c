/** What `bench/sustained.ts` checks in the database after the load. */
import { sql, type Kysely } from 'kysely'
import { loadConfig } from '../server/config'
import type { Database } from '../server/db/schema'
import { Limiter } from '../server/limits/counter'
import { DEFAULT_PUBLIC_LIMITS } from '../server/limits/policy'

export async function countItems(db: Kysely<Database>): Promise<number> {
  return Number((await sql<{ n: string }>`select count(*) as n from suggestions`.execute(db)).rows[0]!.n)
}

/** Items found by id, and whether each year's numbers run 1..n with none twice. */
export async function checkItems(db: Kysely<Database>, ids: string[]): Promise<{ found: number; gapFree: boolean; years: unknown[] }> {
  const found = ids.length ? Number((await sql<{ n: string }>`select count(*) as n from suggestions where id = any(${ids}::uuid[])`.execute(db)).rows[0]!.n) : 0
  const years = (
    await sql<{ year: number; n: string; top: number; distinct: string }>`
      select serial_year as year, count(*) as n, max(serial_seq) as top, count(distinct serial_seq) as distinct
      from suggestions group by serial_year`.execute(db)
  ).rows
  return { found, gapFree: years.every((y) => Number(y.n) === y.top && Number(y.distinct) === y.top), years }
}

export async function limitKeys(db: Kysely<Database>): Promise<Set<string>> {
  return new Set((await db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key))
}

export interface LimitCheck {
  scope: 'submit' | 'track' | 'items'
  /** Rows under the shared key for the client's address, one per window still kept. */
  rows: number
  counted: number
  /** New rows of this scope under any other key: a process with its own key, or another subject. */
  strays: number
}

/**
 * The counter rows the run should have made: the HMAC of scope, window and `subject` under the
 * key both apps derive from RATE_LIMIT_KEY (by the app's own config code). Rows of ended windows
 * may already be swept (every 30 s), so `counted` can fall short of what was sent.
 */
export async function checkLimits(db: Kysely<Database>, rateLimitKey: string, subject: string, before: Set<string>, from: number, to: number): Promise<LimitCheck[]> {
  const limiter = new Limiter(loadConfig({ RATE_LIMIT_KEY: rateLimitKey }).limiterKey!)
  const rows = await db.selectFrom('rate_limits').select(['key', 'count']).execute()
  return (['submit', 'track', 'items'] as const).map((scope) => {
    const limit = DEFAULT_PUBLIC_LIMITS[scope]
    const expected = new Set<string>()
    for (let t = from; t < to + limit.windowMs; t += limit.windowMs) expected.add(limiter.row({ scope, subject, limit }, Math.min(t, to)).key)
    const mine = rows.filter((r) => expected.has(r.key))
    const strays = rows.filter((r) => r.key.startsWith(`${scope}:`) && !expected.has(r.key) && !before.has(r.key))
    return { scope, rows: mine.length, counted: mine.reduce((s, r) => s + r.count, 0), strays: strays.length }
  })
}
