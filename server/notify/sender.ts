import { sql, type Kysely } from 'kysely'
import type { ChannelKind, NotifyMessage } from '../../shared/notify'
import type { Database } from '../db/schema'
import { isDatabaseUnavailable } from '../db/unavailable'
import { refusal, render } from './formats'

type Db = Kysely<Database>

export interface SenderOptions {
  /** The public origin the messages link to (PUBLIC_ORIGIN); null: no links. */
  origin: string | null
  /** The deployment's fallback generic webhook (NOTIFY_WEBHOOK_URL), for units with no channel up their tree. */
  fallbackUrl: string | null
  fetch?: typeof fetch
  now?: () => Date
  /** Attempts before a message is given up and marked failed. */
  maxAttempts?: number
  /** The wait before attempt `n + 1`, after `n` failed. */
  backoffMs?: (attempts: number) => number
  /** How long a claim holds: a process that died mid-send leaves its rows to others after this. */
  leaseMs?: number
  timeoutMs?: number
  batch?: number
}

export const SENDER_DEFAULTS = {
  maxAttempts: 8,
  // 30 s, 1, 2, 4 … minutes, at most an hour: 8 attempts span about two hours.
  backoffMs: (attempts: number) => Math.min(30_000 * 2 ** (attempts - 1), 3600_000),
  leaseMs: 120_000,
  timeoutMs: 10_000,
  batch: 20,
} as const

interface Claimed {
  id: string
  channel_id: string | null
  message: NotifyMessage
  attempts: number
  kind: ChannelKind | null
  url: string | null
  secret: string | null
  active: boolean | null
}

/**
 * Sends what is due, at most `batch` rows: claims them in one statement (`FOR UPDATE SKIP
 * LOCKED`: two app processes never claim one row), sends each, then records sent, a retry with
 * backoff, or failed after `maxAttempts`. A claim whose process died is taken again after its
 * lease. `only` sends that row alone (the admins' test button). Returns the rows claimed.
 */
export async function deliverDue(db: Db, options: SenderOptions, only?: string): Promise<number> {
  const o = { ...SENDER_DEFAULTS, fetch: globalThis.fetch, now: () => new Date(), ...options }
  const now = o.now()
  const claimed = await sql<Claimed>`
    with due as (
      select id from notify_outbox
      where ${only === undefined ? sql`((state = 'pending' and next_attempt_at <= ${now}) or (state = 'sending' and claimed_until < ${now}))` : sql`id = ${only} and state in ('pending', 'sending')`}
      order by next_attempt_at, id
      limit ${o.batch}
      for update skip locked
    ), taken as (
      update notify_outbox o
      set state = 'sending', attempts = o.attempts + 1, claimed_until = ${new Date(now.getTime() + o.leaseMs)}
      from due where o.id = due.id
      returning o.id, o.channel_id, o.message, o.attempts
    )
    select taken.*, c.kind, c.url, c.secret, c.active
    from taken left join notify_channels c on c.id = taken.channel_id
    order by taken.id`.execute(db)
  for (const row of claimed.rows) {
    const error = await send(row, o, now)
    await settle(db, row, error, o)
  }
  return claimed.rows.length
}

async function send(row: Claimed, o: Required<SenderOptions>, now: Date): Promise<string | null> {
  if (row.channel_id !== null && !row.active) return 'channel_inactive'
  const target = row.channel_id === null ? (o.fallbackUrl ? { kind: 'webhook' as const, url: o.fallbackUrl, secret: null } : null) : { kind: row.kind!, url: row.url!, secret: row.secret }
  if (!target) return 'no_channel'
  const { url, body, headers } = render(target.kind, target.url, target.secret, row.message, o.origin, now)
  try {
    const res = await o.fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(o.timeoutMs),
    })
    return refusal(target.kind, res.status, await res.text())
  } catch (err) {
    return err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 300) : 'send failed'
  }
}

/** Nowhere to send it: retrying will not help until an admin adds a channel. */
const FINAL = new Set(['no_channel', 'channel_inactive'])

async function settle(db: Db, row: Claimed, error: string | null, o: Required<SenderOptions>): Promise<void> {
  const now = o.now()
  const done = error === null
  const givenUp = !done && (FINAL.has(error) || row.attempts >= o.maxAttempts)
  await db
    .updateTable('notify_outbox')
    .set({
      state: done ? 'sent' : givenUp ? 'failed' : 'pending',
      sent_at: done ? now : null,
      last_error: error,
      claimed_until: null,
      next_attempt_at: done || givenUp ? now : new Date(now.getTime() + o.backoffMs(row.attempts)),
    })
    // Only our claim: had the lease run out and another process taken the row, its result stands.
    .where('id', '=', row.id)
    .where('state', '=', 'sending')
    .where('attempts', '=', row.attempts)
    .execute()
}

/**
 * Each app process sends what is due every few seconds, and at once when told something was
 * written (`kick`); it plans reminders and digests every minute (`schedule`). A database that is
 * away is tried again on the next round.
 */
export class Notifier {
  private running: Promise<void> | null = null
  private again = false
  private timers: NodeJS.Timeout[] = []

  constructor(
    private readonly db: Db,
    readonly options: SenderOptions,
  ) {}

  start(schedule: () => Promise<unknown>, every = { sendMs: 5000, scheduleMs: 60_000 }): this {
    this.timers.push(setInterval(() => this.kick(), every.sendMs))
    this.timers.push(setInterval(() => void schedule().then(() => this.kick(), (err: unknown) => this.log('planning', err)), every.scheduleMs))
    for (const t of this.timers) t.unref()
    void schedule().catch((err: unknown) => this.log('planning', err))
    return this
  }

  stop(): Promise<void> {
    this.timers.forEach(clearInterval)
    this.timers = []
    return this.running ?? Promise.resolve()
  }

  /** Sends what is due now, once started; if a round is under way, one more follows it. */
  kick(): void {
    if (!this.timers.length) return
    if (this.running) {
      this.again = true
      return
    }
    this.running = (async () => {
      do {
        this.again = false
        try {
          while ((await deliverDue(this.db, this.options)) === (this.options.batch ?? SENDER_DEFAULTS.batch)) {
            // a full batch: there may be more
          }
        } catch (err) {
          this.log('sending', err)
        }
      } while (this.again && this.timers.length)
    })().finally(() => (this.running = null))
  }

  /** Sends one row now (the test button); returns when it was tried. */
  async deliver(id: string): Promise<void> {
    await deliverDue(this.db, this.options, id)
  }

  private log(what: string, err: unknown): void {
    if (!isDatabaseUnavailable(err)) console.error(`[notify] ${what} failed:`, err)
  }
}
