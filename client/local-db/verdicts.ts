import type { TrackedItem } from '../../shared/api'
import type { ErrorCode } from '../../shared/errors'
import { deviceId } from '../../shared/uuid'
import type { LocalDb, VerdictRow } from './db'
import { hasNews } from './news'

/** Queues a verdict or message on one of the worker's items; sent by the next sync. */
export async function queueVerdict(db: LocalDb, itemId: string, code: string, kind: VerdictRow['kind'], body: VerdictRow['body'], now = Date.now()): Promise<VerdictRow> {
  const row: VerdictRow = { id: deviceId(now), itemId, code, kind, body, queuedAt: now, state: 'queued', error: null }
  await db.verdicts.add(row)
  return row
}

export async function queuedVerdicts(db: LocalDb): Promise<VerdictRow[]> {
  return (await db.verdicts.orderBy('queuedAt').toArray()).filter((row) => row.state === 'queued')
}

/**
 * The server recorded it (or had already): forget it and keep what the server now says about the
 * item, marked unseen if the union did something meanwhile; true when it was marked now.
 */
export async function acknowledgeVerdict(db: LocalDb, row: VerdictRow, item: TrackedItem, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.verdicts, db.mine, async () => {
    await db.verdicts.delete(row.id)
    const mine = await db.mine.get(row.itemId)
    const fresh = !!mine && hasNews(mine.tracked, item)
    await db.mine.update(row.itemId, { tracked: item, trackedAt: now, ...(fresh ? { unseen: true } : {}) })
    return fresh
  })
}

export async function rejectVerdict(db: LocalDb, id: string, error: { code: ErrorCode; message: string }): Promise<void> {
  await db.verdicts.update(id, { state: 'rejected', error })
}

export async function dropVerdict(db: LocalDb, id: string): Promise<void> {
  await db.verdicts.delete(id)
}
