import type { Kysely } from 'kysely'
import { pruneSessions } from '../auth/sessions'
import type { Database } from '../db/schema'
import { isDatabaseUnavailable } from '../db/unavailable'
import { pruneLimits } from '../limits/counter'
import { pruneNotify } from './notify-planner'
import { prunePhotos } from '../photos/store'

/**
 * Deletes ended rate-limit windows every 30 s (a counter outlives its window by at most that)
 * and expired sessions, old messages (notify-planner.ts) and unfinished photos hourly. Every app process runs it; the deletes are idempotent.
 */
export function startSweeper(db: Kysely<Database>, everyMs = { limits: 30_000, sessions: 3600_000 }) {
  const run = (what: string, work: () => Promise<unknown>) => () => {
    work().catch((err: unknown) => {
      // A database that is away now is swept on the next round.
      if (!isDatabaseUnavailable(err)) console.error(`[db] sweeping ${what} failed:`, err)
    })
  }
  const timers = [
    setInterval(run('rate limits', () => pruneLimits(db)), everyMs.limits),
    setInterval(run('sessions', () => pruneSessions(db)), everyMs.sessions),
    setInterval(run('old messages', () => pruneNotify(db)), everyMs.sessions),
    setInterval(run('unfinished photos', () => prunePhotos(db)), everyMs.sessions),
  ]
  for (const t of timers) t.unref()
  return { stop: () => timers.forEach(clearInterval) }
}
