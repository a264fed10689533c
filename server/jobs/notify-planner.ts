import { sql, type Kysely } from 'kysely'
import { itemNumber } from '../../shared/item-number'
import { NOTIFY_LIMITS } from '../../shared/notify-limits'
import { addDays, dayEnd, daysLeft, todayInChina } from '../../shared/time'
import type { Database } from '../db/schema'
import { DISPATCH_COLUMNS, dispatchesWithPeople } from '../domain/items/dispatches'
import { dispatchFacts, excerpt, itemFacts, overdueMessage, overdueUnionMessage, readSettings, remindMessage, triageMessage, type OverdueLine } from '../notify/compose'
import { channelsFor, claimMark, enqueue, unionPath } from '../notify/outbox'

type Db = Kysely<Database>

/**
 * The planner: every app process runs it every minute with the time (`now`, injected by tests).
 * It writes what is due and not yet written, each under a mark (`claimMark`) so that a reminder
 * or a day's digest is written once whichever process gets there first, and a late start (the
 * app was down at 8:00) still sends the day's digest once. Returns what it wrote, for tests.
 */
export async function planDue(db: Db, now: Date): Promise<{ reminders: number; overdue: number; triage: number }> {
  const settings = await readSettings(db)
  const reminders = await planReminders(db, now, settings.remind_days)
  const today = todayInChina(now)
  const pastHour = Number(new Date(now.getTime() + 8 * 3600_000).getUTCHours()) >= settings.digest_hour
  const overdue = pastHour ? await planOverdue(db, now, today) : 0
  let triage = 0
  if (settings.triage_mode === 'instant') triage = await planNewItems(db, now)
  else if (settings.triage_mode === 'digest' && pastHour) triage = await planTriageDigest(db, today)
  return { reminders, overdue, triage }
}

/**
 * A reminder to the unit when an open dispatch's deadline is `days` China days away or less,
 * once per dispatch and deadline; not for a dispatch given with less time than that (its
 * dispatch message said the deadline).
 */
async function planReminders(db: Db, now: Date, days: number): Promise<number> {
  const horizon = dayEnd(addDays(todayInChina(now), days))
  const due = await dispatchesWithPeople(db)
    .select([...DISPATCH_COLUMNS, 'a.created_at'])
    .where('a.state', '=', 'open')
    .where('a.deadline', '>', now)
    .where('a.deadline', '<=', horizon)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('notify_marks as m').select('m.key').where('m.key', '=', sql<string>`'remind:' || a.id || ':' || (extract(epoch from a.deadline) * 1000)::bigint`))),
    )
    .orderBy('a.deadline')
    .limit(500)
    .execute()
  let written = 0
  for (const a of due) {
    if (daysLeft(a.deadline, a.created_at) <= days) continue
    await db.transaction().execute(async (trx) => {
      if (!(await claimMark(trx, `remind:${a.id}:${a.deadline.getTime()}`))) return
      const item = await itemFacts(trx, a.suggestion_id)
      const facts = dispatchFacts(a)
      await enqueue(trx, await channelsFor(trx, a.unit_path), remindMessage(item, facts, now))
      written++
    })
  }
  return written
}

/**
 * The day's overdue digests: for each channel, the overdue dispatches of the units it serves
 * (a unit without a channel is served by its nearest ancestor's), the longest overdue listed;
 * and to the union of each tree a count per unit, unless its channel already had the list. The
 * database counts and ranks: at most `digestLines` rows a unit come back, however many are overdue.
 */
async function planOverdue(db: Db, now: Date, today: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    if (!(await claimMark(trx, `overdue:${today}`))) return 0
    const ranked = trx
      .selectFrom('assignments as a')
      .innerJoin('suggestions as s', 's.id', 'a.suggestion_id')
      .select([
        'a.id',
        'a.unit_id',
        'a.suggestion_id',
        'a.deadline',
        's.serial_year',
        's.serial_seq',
        's.summary',
        sql<number>`(count(*) over (partition by a.unit_id))::int`.as('unit_total'),
        sql<number>`row_number() over (partition by a.unit_id order by a.deadline, a.id)`.as('rank'),
      ])
      .where('a.state', '=', 'open')
      .where('a.deadline', '<', now)
      .as('r')
    const rows = await trx
      .selectFrom(ranked)
      .innerJoin('org_units as u', 'u.id', 'r.unit_id')
      .select(['r.suggestion_id', 'r.deadline', 'r.serial_year', 'r.serial_seq', 'r.summary', 'r.unit_total', 'u.name as unit_name', 'u.path as unit_path'])
      .where('r.rank', '<=', NOTIFY_LIMITS.digestLines)
      .orderBy('r.deadline')
      .execute()
    if (!rows.length) return 0
    const byChannel = new Map<string, { channel: string | null; lines: OverdueLine[]; units: Map<string, number> }>()
    const byUnion = new Map<string, Map<string, { unitName: string; count: number }>>()
    const channelsOfUnit = new Map<string, Array<string | null>>()
    for (const r of rows) {
      if (!channelsOfUnit.has(r.unit_path)) channelsOfUnit.set(r.unit_path, await channelsFor(trx, r.unit_path))
      const line = { itemId: r.suggestion_id, number: itemNumber(r.serial_year, r.serial_seq), summary: r.summary ? excerpt(r.summary) : null, unitName: r.unit_name, deadline: r.deadline }
      for (const channel of channelsOfUnit.get(r.unit_path)!) {
        const key = channel ?? 'default'
        if (!byChannel.has(key)) byChannel.set(key, { channel, lines: [], units: new Map() })
        const digest = byChannel.get(key)!
        digest.lines.push(line)
        digest.units.set(r.unit_path, r.unit_total)
      }
      const union = byUnion.get(unionPath(r.unit_path)) ?? new Map<string, { unitName: string; count: number }>()
      union.set(r.unit_path, { unitName: r.unit_name, count: r.unit_total })
      byUnion.set(unionPath(r.unit_path), union)
    }
    let written = 0
    for (const { channel, lines, units } of byChannel.values()) {
      const total = [...units.values()].reduce((n, c) => n + c, 0)
      await enqueue(trx, [channel], overdueMessage(lines, total, now))
      written++
    }
    for (const [path, counts] of byUnion) {
      const channels = (await channelsFor(trx, path)).filter((c) => !byChannel.has(c ?? 'default'))
      const perUnit = [...counts.values()].sort((x, y) => y.count - x.count)
      written += (await enqueue(trx, channels, overdueUnionMessage(perUnit))).length
    }
    return written
  })
}

/** Items that wait for the union to take them in, per tree: a digest at the day's hour. */
async function planTriageDigest(db: Db, today: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    if (!(await claimMark(trx, `triage:${today}`))) return 0
    return writeTriage(trx, await waitingPerTree(trx), null)
  })
}

/**
 * Instant mode: within a minute of arrival, one message per tree for the items received since
 * the last one. The settings row is the lock and keeps the watermark; items received in the last
 * few seconds wait for the next round, so that one still being committed is not skipped.
 */
async function planNewItems(db: Db, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const settings = await trx.selectFrom('notify_settings').select('triage_seen_until').where('id', '=', 1).forUpdate().executeTakeFirstOrThrow()
    const until = new Date(now.getTime() - 5000)
    const since = settings.triage_seen_until
    // Chosen before this version kept the moment: count from now on, never announce the past.
    if (!since) {
      await trx.updateTable('notify_settings').set({ triage_seen_until: until }).where('id', '=', 1).execute()
      return 0
    }
    if (since >= until) return 0
    await trx.updateTable('notify_settings').set({ triage_seen_until: until }).where('id', '=', 1).execute()
    const fresh = await trx
      .selectFrom('suggestions as s')
      .innerJoin('org_units as u', 'u.id', 's.unit_id')
      .select(['u.path', sql<number>`count(*)::int`.as('n')])
      .where('s.received_at', '>', since)
      .where('s.received_at', '<=', until)
      .where('s.status', '=', 'submitted')
      .groupBy('u.path')
      .execute()
    if (!fresh.length) return 0
    const perTree = new Map<string, number>()
    for (const r of fresh) perTree.set(unionPath(r.path), (perTree.get(unionPath(r.path)) ?? 0) + r.n)
    return writeTriage(trx, await waitingPerTree(trx), perTree)
  })
}

async function waitingPerTree(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('suggestions as s')
    .innerJoin('org_units as u', 'u.id', 's.unit_id')
    .select(['u.path', sql<number>`count(*)::int`.as('n')])
    .where('s.status', '=', 'submitted')
    .groupBy('u.path')
    .execute()
  const perTree = new Map<string, number>()
  for (const r of rows) perTree.set(unionPath(r.path), (perTree.get(unionPath(r.path)) ?? 0) + r.n)
  return perTree
}

async function writeTriage(db: Db, waiting: Map<string, number>, fresh: Map<string, number> | null): Promise<number> {
  let written = 0
  for (const [tree, count] of fresh ?? waiting) {
    if (!count) continue
    written += (await enqueue(db, await channelsFor(db, tree), triageMessage(count, waiting.get(tree) ?? count, fresh !== null))).length
  }
  return written
}

/**
 * What the messages leave behind, pruned hourly: planner marks after 60 days (a reminder's window
 * is at most 14 days, a digest's a day), and deliveries sent or given up after 90 days (admins see
 * the last ten of each channel; a message still waiting is never pruned).
 */
export async function pruneNotify(db: Db, now = new Date()): Promise<void> {
  await db.deleteFrom('notify_marks').where('created_at', '<', new Date(now.getTime() - 60 * 86_400_000)).execute()
  await db
    .deleteFrom('notify_outbox')
    .where('state', 'in', ['sent', 'failed'])
    .where('created_at', '<', new Date(now.getTime() - 90 * 86_400_000))
    .execute()
}
