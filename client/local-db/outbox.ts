import type { TrackedItem } from '../../shared/api'
import type { ErrorCode } from '../../shared/errors'
import type { SubmitItemInput } from '../../shared/validation'
import type { LocalDb, MineRow, OutboxRow } from './db'
import { hasNews } from './news'
import { moveDraftPhotos, photosBackToDraft } from './photos'

/**
 * Puts a submitted item in the outbox and in the worker's list, gives it the draft's photos and
 * clears the draft, in one transaction: either the item is safely on the device or nothing
 * changed and the draft stays.
 */
export async function enqueue(db: LocalDb, item: SubmitItemInput, entryName: string | null, now = Date.now()): Promise<MineRow> {
  const mine: MineRow = {
    id: item.id,
    followUpCode: item.followUpCode,
    entryPoint: item.entryPoint,
    entryName,
    category: item.category,
    content: item.content,
    anonymous: item.anonymous,
    createdAt: item.createdAt,
    delivery: 'pending',
    receivedAt: null,
    number: null,
    tracked: null,
    trackedAt: null,
  }
  await db.transaction('rw', [db.outbox, db.mine, db.drafts, db.photos], async () => {
    await db.outbox.add({ id: item.id, item, queuedAt: now, attempts: 0, state: 'queued', error: null })
    await db.mine.add(mine)
    await db.drafts.delete('current')
    await moveDraftPhotos(db, item.id)
  })
  return mine
}

/** Items to send, oldest first. Rejected ones wait for the worker. */
export async function queued(db: LocalDb): Promise<OutboxRow[]> {
  const rows = await db.outbox.orderBy('queuedAt').toArray()
  return rows.filter((row) => row.state === 'queued')
}

/** The server holds the item (created or already received): only now may the device forget it. */
export async function acknowledge(db: LocalDb, id: string, receivedAt: string, number: string | null = null): Promise<void> {
  await db.transaction('rw', db.outbox, db.mine, async () => {
    await db.outbox.delete(id)
    await db.mine.update(id, { delivery: 'received', receivedAt, ...(number ? { number } : {}) })
  })
}

/** The server refused the item for a reason a retry cannot change; the worker decides. */
export async function markRejected(db: LocalDb, id: string, error: { code: ErrorCode; message: string }): Promise<void> {
  await db.transaction('rw', db.outbox, db.mine, async () => {
    await db.outbox.update(id, { state: 'rejected', error })
    await db.mine.update(id, { delivery: 'rejected' })
  })
}

export async function countAttempt(db: LocalDb, ids: string[]): Promise<void> {
  await db.outbox.where('id').anyOf(ids).modify((row) => {
    row.attempts += 1
  })
}

/** Removes a refused item the worker chose to drop (or to edit: it comes back as a draft, with its photos). */
export async function discardRejected(db: LocalDb, id: string, toDraft = false): Promise<OutboxRow | undefined> {
  let row: OutboxRow | undefined
  await db.transaction('rw', [db.outbox, db.mine, db.photos], async () => {
    row = await db.outbox.get(id)
    if (row && row.state !== 'rejected') throw new Error('only refused items can be discarded')
    await db.outbox.delete(id)
    await db.mine.delete(id)
    if (toDraft) await photosBackToDraft(db, id)
    else await db.photos.where('owner').equals(id).delete()
  })
  return row
}

/**
 * Keeps what the server said about the worker's items. An item showing a step of the union the
 * device had not seen is marked unseen until 我的意见 shows it; returns the ids marked now.
 */
export async function saveTracked(db: LocalDb, updates: Array<{ id: string; tracked: TrackedItem }>, now = Date.now()): Promise<string[]> {
  const news: string[] = []
  if (updates.length === 0) return news
  await db.transaction('rw', db.mine, async () => {
    const rows = await db.mine.bulkGet(updates.map((u) => u.id))
    for (const [i, { id, tracked }] of updates.entries()) {
      const fresh = !!rows[i] && hasNews(rows[i]!.tracked, tracked)
      if (fresh) news.push(id)
      await db.mine.update(id, { tracked, trackedAt: now, delivery: 'received', receivedAt: tracked.receivedAt, number: tracked.number, ...(fresh ? { unseen: true } : {}) })
    }
  })
  return news
}

/** An item looked up by code on this device joins the worker's list, read-only. */
export async function adoptTracked(db: LocalDb, code: string, tracked: TrackedItem): Promise<void> {
  const existing = await db.mine.get(tracked.id)
  if (existing) {
    await saveTracked(db, [{ id: tracked.id, tracked }])
    return
  }
  await db.mine.add({
    id: tracked.id,
    followUpCode: code,
    entryPoint: tracked.entryPoint?.code ?? '',
    entryName: tracked.entryPoint?.name ?? null,
    category: tracked.category,
    content: tracked.content,
    anonymous: tracked.anonymous,
    createdAt: tracked.receivedAt,
    delivery: 'received',
    receivedAt: tracked.receivedAt,
    number: tracked.number,
    tracked,
    trackedAt: Date.now(),
  })
}
