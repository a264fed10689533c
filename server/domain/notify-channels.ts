import { sql, type Kysely } from 'kysely'
import { NOTIFY_LIMITS, type ChannelCreateSchema, type ChannelUpdateSchema, type ChannelView, type Delivery, type NotifyOverview, type NotifySettings } from '../../shared/notify'
import type { InferOutput } from 'valibot'
import type { SessionUser } from '../auth/sessions'
import type { Database } from '../db/schema'
import { ApiError } from '../http/api-error'
import { inScope, unitInScope, unitNotFound } from './units'
import { readSettings, testMessage } from '../notify/compose'
import { enqueue } from '../notify/outbox'
import type { Notifier } from '../notify/sender'

type Db = Kysely<Database>

/**
 * The admins' side of messages: the channels of the units in their subtree, each with its recent
 * deliveries; the union's settings (admins of a top unit only: they hold for the deployment); a
 * test message through one channel.
 */
export async function notifyOverview(db: Db, user: SessionUser, fallbackConfigured: boolean): Promise<NotifyOverview> {
  const channels = await db
    .selectFrom('notify_channels as c')
    .innerJoin('org_units as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.unit_id', 'u.name as unit_name', 'u.path', 'c.kind', 'c.name', 'c.url', 'c.secret', 'c.active'])
    .where('u.path', 'like', `${user.unitPath.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`)
    .orderBy('u.path')
    .orderBy('c.created_at')
    .execute()
  const ids = channels.map((c) => c.id)
  const [counts, recent, settings] = await Promise.all([
    deliveryCounts(db, ids),
    recentDeliveries(db, ids),
    readSettings(db),
  ])
  const views: ChannelView[] = channels.map((c) => ({
    id: c.id,
    unitId: c.unit_id,
    unitName: c.unit_name,
    kind: c.kind,
    name: c.name,
    url: c.url,
    hasSecret: !!c.secret,
    active: c.active,
    counts: counts.get(c.id) ?? { sent: 0, failed: 0, pending: 0 },
    recent: recent.get(c.id) ?? [],
  }))
  // The fallback's deliveries are every unit's: only an admin of a top unit sees them.
  const top = isTop(user)
  return {
    settings: { includeContent: settings.include_content, triageMode: settings.triage_mode, remindDays: settings.remind_days, digestHour: settings.digest_hour },
    settingsEditable: top,
    channels: views,
    fallback: {
      configured: fallbackConfigured,
      counts: top ? ((await deliveryCounts(db, [null])).get('default') ?? { sent: 0, failed: 0, pending: 0 }) : { sent: 0, failed: 0, pending: 0 },
      recent: top ? ((await recentDeliveries(db, [null])).get('default') ?? []) : [],
    },
  }
}

const isTop = (user: SessionUser) => user.unitPath.split('/').filter(Boolean).length === 1

async function deliveryCounts(db: Db, ids: Array<string | null>) {
  const counts = new Map<string, ChannelView['counts']>()
  if (!ids.length) return counts
  const wanted = ids.filter((id): id is string => id !== null)
  const rows = await db
    .selectFrom('notify_outbox')
    .select(['channel_id', 'state', sql<number>`count(*)::int`.as('n')])
    .where((eb) => (ids.includes(null) ? eb('channel_id', 'is', null) : eb('channel_id', 'in', wanted)))
    .groupBy(['channel_id', 'state'])
    .execute()
  for (const r of rows) {
    const key = r.channel_id ?? 'default'
    const c = counts.get(key) ?? { sent: 0, failed: 0, pending: 0 }
    if (r.state === 'sent') c.sent += r.n
    else if (r.state === 'failed') c.failed += r.n
    else c.pending += r.n
    counts.set(key, c)
  }
  return counts
}

async function recentDeliveries(db: Db, ids: Array<string | null>): Promise<Map<string, Delivery[]>> {
  const out = new Map<string, Delivery[]>()
  for (const id of ids) {
    const rows = await db
      .selectFrom('notify_outbox')
      .select(['id', 'kind', 'message', 'state', 'attempts', 'last_error', 'created_at', 'sent_at'])
      .where((eb) => (id === null ? eb('channel_id', 'is', null) : eb('channel_id', '=', id)))
      .orderBy('id', 'desc')
      .limit(NOTIFY_LIMITS.recentDeliveries)
      .execute()
    out.set(id ?? 'default', rows.map(toDelivery))
  }
  return out
}

function toDelivery(r: { id: string; kind: Delivery['kind']; message: { title: string }; state: Delivery['state']; attempts: number; last_error: string | null; created_at: Date; sent_at: Date | null }): Delivery {
  return {
    id: String(r.id),
    kind: r.kind,
    title: r.message.title,
    state: r.state,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at?.toISOString() ?? null,
  }
}

type ChannelCreate = InferOutput<typeof ChannelCreateSchema>
type ChannelUpdate = InferOutput<typeof ChannelUpdateSchema>

export async function createChannel(db: Db, user: SessionUser, input: ChannelCreate): Promise<{ id: string }> {
  return db.transaction().execute(async (trx) => {
    const unit = await unitInScope(trx, user.unitPath, input.unitId)
    if (!unit) throw unitNotFound()
    // The unit row's lock orders two admins adding at once, so the limit holds.
    await trx.selectFrom('org_units').select('id').where('id', '=', unit.id).forUpdate().execute()
    const { n } = await trx.selectFrom('notify_channels').select(sql<number>`count(*)::int`.as('n')).where('unit_id', '=', unit.id).executeTakeFirstOrThrow()
    if (n >= NOTIFY_LIMITS.channelsPerUnit) throw new ApiError('too_many_channels')
    const secret = input.secret || null
    if (input.kind === 'dingtalk' && !secret) throw new ApiError('secret_required', [{ path: 'secret', code: 'secret_required' }])
    return trx
      .insertInto('notify_channels')
      .values({ unit_id: unit.id, kind: input.kind, name: input.name, url: input.url, secret: input.kind === 'webhook' || input.kind === 'dingtalk' ? secret : null })
      .returning('id')
      .executeTakeFirstOrThrow()
  })
}

/** The channel if it belongs to a unit in the admin's subtree; else not found (out of scope looks like missing). */
async function channelInScope(db: Db, user: SessionUser, id: string) {
  const row = await db
    .selectFrom('notify_channels as c')
    .innerJoin('org_units as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.kind', 'c.name', 'c.secret', 'u.name as unit_name', 'u.path'])
    .where('c.id', '=', id)
    .executeTakeFirst()
  if (!row || !inScope(user.unitPath, row.path)) throw new ApiError('channel_not_found')
  return row
}

export async function updateChannel(db: Db, user: SessionUser, id: string, input: ChannelUpdate): Promise<void> {
  const channel = await channelInScope(db, user, id)
  const secret = input.secret === undefined ? channel.secret : input.secret || null
  if (channel.kind === 'dingtalk' && !secret) throw new ApiError('secret_required', [{ path: 'secret', code: 'secret_required' }])
  await db
    .updateTable('notify_channels')
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      secret,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute()
}

/** Removes a channel and its deliveries; messages still waiting for it are not sent. */
export async function deleteChannel(db: Db, user: SessionUser, id: string): Promise<void> {
  await channelInScope(db, user, id)
  await db.deleteFrom('notify_channels').where('id', '=', id).execute()
}

/** 发送测试消息: through the outbox like any message, sent at once; the delivery as it ended. */
export async function sendTest(db: Db, notifier: Notifier, user: SessionUser, id: string): Promise<Delivery> {
  const channel = await channelInScope(db, user, id)
  const [rowId] = await enqueue(db, [channel.id], testMessage(channel.name, channel.unit_name))
  await notifier.deliver(rowId!)
  const row = await db
    .selectFrom('notify_outbox')
    .select(['id', 'kind', 'message', 'state', 'attempts', 'last_error', 'created_at', 'sent_at'])
    .where('id', '=', rowId!)
    .executeTakeFirstOrThrow()
  return toDelivery(row)
}

export async function saveSettings(db: Db, user: SessionUser, input: NotifySettings): Promise<void> {
  if (!isTop(user)) throw new ApiError('forbidden')
  await db
    .updateTable('notify_settings')
    .set((eb) => ({
      include_content: input.includeContent,
      triage_mode: input.triageMode,
      remind_days: input.remindDays,
      digest_hour: input.digestHour,
      // Instant messages start from the moment they were chosen: the items before are not news.
      triage_seen_until: input.triageMode === 'instant' ? eb.case().when('triage_mode', '=', 'instant').then(eb.ref('triage_seen_until')).else(new Date()).end() : null,
      updated_at: new Date(),
    }))
    .where('id', '=', 1)
    .execute()
}
