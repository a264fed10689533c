// The fake IndexedDB first: Dexie looks for IndexedDB when it loads.
import { newDevice, queueItems } from './device-fixtures'
import { describe, expect, it } from 'vitest'
import type { MineRow, VerdictRow } from '../../client/local-db/db'
import { watch } from '../../client/local-db/live'
import { acknowledge } from '../../client/local-db/outbox'
import { queueVerdict, dropVerdict } from '../../client/local-db/verdicts'

/** Every value `watch` delivers, and a way to wait for the one a test expects. */
function watched<T>(read: () => Promise<T>) {
  const seen: T[] = []
  const waiters: Array<() => void> = []
  let failure: unknown = null
  const wake = () => waiters.splice(0).forEach((resolve) => resolve())
  const stop = watch(
    read,
    (value) => {
      seen.push(value)
      wake()
    },
    (error) => {
      failure = error
      wake()
    },
  )
  const until = async (ok: (value: T) => boolean): Promise<T> => {
    for (;;) {
      if (failure) throw failure
      const last = seen.at(-1)
      if (seen.length && ok(last!)) return last!
      await new Promise<void>((wake) => waiters.push(wake))
    }
  }
  return { seen, until, stop }
}

describe('local-db/live watch', () => {
  it('re-reads the worker list after writes in this database and in a second connection (another tab)', async () => {
    const { db, again } = newDevice()
    const list = watched(() => db.mine.orderBy('createdAt').toArray())
    expect(await list.until((rows) => rows.length === 0)).toEqual([])

    const [item] = await queueItems(db, 1)
    expect((await list.until((rows) => rows.length === 1))[0]).toMatchObject({ id: item!.id, delivery: 'pending' })

    // The service worker or another tab delivers the item through its own connection.
    const other = again()
    await acknowledge(other, item!.id, '2026-03-01T02:00:00.000Z')
    const delivered = await list.until((rows) => rows[0]?.delivery === 'received')
    expect(delivered[0]).toMatchObject<Partial<MineRow>>({ id: item!.id, receivedAt: '2026-03-01T02:00:00.000Z' })
    list.stop()
    other.close()
  })

  it('re-reads queued verdicts when one is queued and when one is dropped', async () => {
    const { db } = newDevice()
    const [item] = await queueItems(db, 1)
    const list = watched(() => db.verdicts.toArray())
    await list.until((rows) => rows.length === 0)
    const row = await queueVerdict(db, item!.id, item!.followUpCode, 'rate', { rating: 'satisfied' })
    expect(await list.until((rows) => rows.length === 1)).toEqual<VerdictRow[]>([row])
    await dropVerdict(db, row.id)
    expect(await list.until((rows) => rows.length === 0)).toEqual([])
    list.stop()
  })

  it('stops calling once stopped', async () => {
    const { db } = newDevice()
    const list = watched(() => db.mine.count())
    const still = watched(() => db.mine.count())
    await list.until((n) => n === 0)
    list.stop()
    const before = list.seen.length
    await queueItems(db, 2)
    // The watcher left running has seen the writes: the stopped one would have by now.
    await still.until((n) => n === 2)
    expect(list.seen).toHaveLength(before)
    still.stop()
  })
})
