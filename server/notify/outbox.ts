import type { Kysely } from 'kysely'
import type { NotifyMessage } from '../../shared/notify'
import type { Database } from '../db/schema'

type Db = Kysely<Database>

/**
 * The channels a message for the unit at `unitPath` goes to: the active channels of the unit,
 * else of its nearest ancestor that has some; `[null]` (the deployment's fallback) when none does.
 */
export async function channelsFor(db: Db, unitPath: string): Promise<Array<string | null>> {
  const ids = unitPath.split('/').filter(Boolean)
  if (!ids.length) return [null]
  const rows = await db.selectFrom('notify_channels').select(['id', 'unit_id']).where('unit_id', 'in', ids).where('active', '=', true).orderBy('created_at').execute()
  for (const unitId of ids.reverse()) {
    const own = rows.filter((r) => r.unit_id === unitId)
    if (own.length) return own.map((r) => r.id)
  }
  return [null]
}

/** The union's channels for an item under `unitPath`: those of the top unit of its tree, where the union committee sits. */
export function unionPath(unitPath: string): string {
  const root = unitPath.split('/').filter(Boolean)[0]
  return root ? `/${root}/` : unitPath
}

/**
 * Writes `message` to the outbox for each of `channels`, in the caller's transaction: it is sent
 * if and only if what it announces is committed, and returns the rows' ids.
 */
export async function enqueue(db: Db, channels: Array<string | null>, message: NotifyMessage): Promise<string[]> {
  if (!channels.length) return []
  const rows = await db
    .insertInto('notify_outbox')
    .values(channels.map((channel) => ({ channel_id: channel, kind: message.kind, suggestion_id: message.item?.id ?? null, message: JSON.stringify(message) })))
    .returning('id')
    .execute()
  return rows.map((r) => r.id)
}

/** Writes `message` for the unit at `unitPath` (its channels, or its nearest ancestor's). */
export async function notifyUnit(db: Db, unitPath: string, message: NotifyMessage): Promise<void> {
  await enqueue(db, await channelsFor(db, unitPath), message)
}

/**
 * Claims a planned message's key (a reminder, a day's digest) in the caller's transaction: true
 * for the first caller only, whichever app process it runs in; a second waits for the first's
 * transaction and gets false. So the planner's messages are written once.
 */
export async function claimMark(db: Db, key: string): Promise<boolean> {
  const row = await db.insertInto('notify_marks').values({ key }).onConflict((oc) => oc.column('key').doNothing()).returning('key').executeTakeFirst()
  return row !== undefined
}
