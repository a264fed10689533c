import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/** The promised days to answer set on this unit itself, and the one its items get (its own, or the nearest above). */
export async function replyPromise(db: Kysely<Database>, unitId: string): Promise<{ days: number | null; inherited: number | null }> {
  const unit = await db.selectFrom('org_units').select(['path', 'reply_within_days']).where('id', '=', unitId).executeTakeFirstOrThrow()
  const ids = unit.path.split('/').filter(Boolean).slice(0, -1)
  const above = ids.length ? await db.selectFrom('org_units').select(['id', 'reply_within_days']).where('id', 'in', ids).execute() : []
  const byId = new Map(above.map((u) => [u.id, u.reply_within_days]))
  const inherited = ids.map((id) => byId.get(id) ?? null).filter((d): d is number => d !== null).at(-1) ?? null
  return { days: unit.reply_within_days, inherited }
}

export async function setReplyPromise(db: Kysely<Database>, unitId: string, days: number | null): Promise<void> {
  await db.updateTable('org_units').set({ reply_within_days: days }).where('id', '=', unitId).execute()
}
