import { createHmac, randomBytes } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'

/**
 * Fixed-window counters in PostgreSQL, shared by every app process. What a row holds is built
 * so that a copy of the database (or a backup) cannot link a counter to an address or a person:
 * - the key is an HMAC of scope, window and subject under a key that lives only in the app
 *   processes' memory (RATE_LIMIT_KEY, or a random one per process), never in the database;
 * - the only time kept is the window's end, the same for every counter of that window;
 * - a row is deleted once its window has ended (the sweeper runs every 30 s).
 */

export interface Limit {
  /** Units allowed in one window (requests, attempts, items). */
  max: number
  windowMs: number
}

/** One counter: what is counted (scope), for whom (an address, a username, a pair), and its limit. */
export interface Count {
  scope: string
  subject: string
  limit: Limit
}

export interface Taken {
  /** The first counter (in the order asked) that is over its limit, or null. */
  over: Count | null
  /** Seconds until that counter's window ends. */
  retryAfterS: number
  keys: string[]
  n: number
}

/** Holds the HMAC key; one per app, shared by processes only through RATE_LIMIT_KEY. */
export class Limiter {
  readonly #key: Buffer

  constructor(
    key: Buffer = randomBytes(32),
    /** The clock windows are counted by; tests fix it. */
    readonly now: () => number = Date.now,
  ) {
    this.#key = key
  }

  /** The row of `count` in the window that contains `now`. */
  row(count: Count, now: number): { key: string; expiresAt: Date } {
    const window = Math.floor(now / count.limit.windowMs)
    const mac = createHmac('sha256', this.#key).update(`${count.scope}\0${window}\0${count.subject}`).digest('hex').slice(0, 32)
    return { key: `${count.scope}:${mac}`, expiresAt: new Date((window + 1) * count.limit.windowMs) }
  }

  /**
   * Counts `n` on every counter at once, in one statement, before the work they guard runs: a
   * burst of parallel requests is counted exactly, and only those within the limit go on.
   */
  async take(db: Kysely<Database>, counts: Count[], n = 1, now = this.now()): Promise<Taken> {
    const rows = counts.map((c) => ({ ...this.row(c, now), count: n }))
    // Always the same key order, so two overlapping upserts cannot deadlock.
    const sorted = [...rows].sort((a, b) => (a.key < b.key ? -1 : 1))
    const answered = await db
      .insertInto('rate_limits')
      .values(sorted.map((r) => ({ key: r.key, expires_at: r.expiresAt, count: r.count })))
      .onConflict((oc) => oc.column('key').doUpdateSet({ count: sql`rate_limits.count + excluded.count` }))
      .returning(['key', 'count'])
      .execute()
    const totals = new Map(answered.map((r) => [r.key, r.count]))
    const at = rows.findIndex((r, i) => (totals.get(r.key) ?? 0) > counts[i]!.limit.max)
    const over = at >= 0 ? counts[at]! : null
    const retryAfterS = over ? Math.max(1, Math.ceil((rows[at]!.expiresAt.getTime() - now) / 1000)) : 0
    return { over, retryAfterS, keys: rows.map((r) => r.key), n }
  }

  /** Takes back what `take` counted (a login that succeeded, items that turned out to be replays). */
  async giveBack(db: Kysely<Database>, taken: Taken, n = taken.n): Promise<void> {
    if (!n || !taken.keys.length) return
    await db.updateTable('rate_limits').set({ count: sql`greatest(count - ${n}, 0)` }).where('key', 'in', taken.keys).execute()
  }

  /** Forgets a counter's current window (a right password clears that pair's failures). */
  async clear(db: Kysely<Database>, count: Count, now = this.now()): Promise<void> {
    await db.deleteFrom('rate_limits').where('key', '=', this.row(count, now).key).execute()
  }
}

/** Deletes the counters whose window has ended. */
export async function pruneLimits(db: Kysely<Database>, now = new Date()): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('expires_at', '<=', now).executeTakeFirst()
  return Number(result.numDeletedRows)
}
