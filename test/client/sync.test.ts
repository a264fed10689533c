import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { acknowledge } from '../../client/local-db/outbox'
import { syncOnce } from '../../client/sync/engine'
import { pageLock, type LockFn } from '../../client/sync/lock'
import { backoffMs } from '../../client/sync/scheduler'
import { queueVerdict } from '../../client/local-db/verdicts'
import { createApp } from '../../server/app'
import { connectPostgres } from '../../server/db/connect'
import { testApp } from '../helpers/test-app'
import { describeEachDialect } from '../helpers/test-db'
import { cast } from '../server/items/fixtures'
import { network, newDevice, queueItems, workerItem } from './device-fixtures'

describeEachDialect('device outbox and sync against the real app', ({ db }) => {
  const rows = async (ids: string[]) => {
    const { rows } = await sql<{ id: string; n: number }>`select id, count(*)::int as n from suggestions where id in (${sql.join(ids)}) group by id`.execute(db().db)
    return rows
  }

  it('queues while offline, then sends once when the server answers', async () => {
    const net = network(testApp(db()))
    const { db: device } = newDevice()
    const items = await queueItems(device, 3)
    net.fault = 'offline'
    const offline = await syncOnce({ db: device, fetch: net.fetch })
    expect(offline).toMatchObject({ ok: false, failure: 'network', acknowledged: 0, stillQueued: 3 })
    expect(await device.outbox.count()).toBe(3)
    expect((await device.mine.toArray()).map((r) => r.delivery)).toEqual(['pending', 'pending', 'pending'])

    net.fault = null
    const online = await syncOnce({ db: device, fetch: net.fetch })
    expect(online).toMatchObject({ ok: true, acknowledged: 3, stillQueued: 0, refreshed: 3 })
    expect(await device.outbox.count()).toBe(0)
    expect((await device.mine.toArray()).map((r) => r.delivery)).toEqual(['received', 'received', 'received'])
    expect((await device.mine.toArray()).every((r) => r.tracked?.status === 'submitted')).toBe(true)
    // Queued offline, the items learn their numbers only now, from the server.
    const numbers = (await device.mine.toArray()).map((r) => r.number)
    expect(numbers.every((n) => /^YJ-\d{4}-\d{4}$/.test(n ?? ''))).toBe(true)
    expect(new Set(numbers).size).toBe(3)
    expect(await rows(items.map((i) => i.id))).toHaveLength(3)
  })

  it('keeps the item when the answer is lost after the server committed, and the retry is "already received"', async () => {
    const net = network(testApp(db()))
    const { db: device } = newDevice()
    const [item] = await queueItems(device, 1)
    net.fault = 'drop-response'
    expect(await syncOnce({ db: device, fetch: net.fetch })).toMatchObject({ ok: false, failure: 'network', acknowledged: 0 })
    expect(await device.outbox.count()).toBe(1)
    expect(await rows([item!.id])).toEqual([{ id: item!.id, n: 1 }])

    net.fault = null
    const replay = await syncOnce({ db: device, fetch: net.fetch, refresh: false })
    expect(replay).toMatchObject({ ok: true, acknowledged: 1, stillQueued: 0 })
    expect(await rows([item!.id])).toEqual([{ id: item!.id, n: 1 }])
    expect((await device.outbox.count())).toBe(0)
    // "Already received" still tells the device the number the first answer carried.
    const stored = await db().db.selectFrom('suggestions').select(['serial_year', 'serial_seq']).where('id', '=', item!.id).executeTakeFirstOrThrow()
    expect((await device.mine.get(item!.id))?.number).toBe(`YJ-${stored.serial_year}-${String(stored.serial_seq).padStart(4, '0')}`)
  })

  it.each([
    ['a 5xx page', 'server-500', 'server'],
    ['a captive portal answering HTML with 200', 'captive-portal', 'not_json'],
    ['a request that hangs past the timeout', 'hang', 'timeout'],
  ] as const)('treats %s as a failure to retry, never as a success', async (_, fault, reason) => {
    const net = network(testApp(db()))
    const { db: device } = newDevice()
    const [item] = await queueItems(device, 1)
    net.fault = fault
    const report = await syncOnce({ db: device, fetch: net.fetch, timeoutMs: 50 })
    expect(report).toMatchObject({ ok: false, failure: reason, acknowledged: 0 })
    expect(await device.outbox.get(item!.id)).toMatchObject({ state: 'queued', attempts: 1 })
    net.fault = null
    expect(await syncOnce({ db: device, fetch: net.fetch, refresh: false })).toMatchObject({ ok: true, acknowledged: 1 })
  })

  it('acknowledges the accepted part of a partly refused batch and keeps the refused item for the worker', async () => {
    const net = network(testApp(db()))
    const { db: device } = newDevice()
    const good = await queueItems(device, 2)
    const [bad] = await queueItems(device, 1, { entryPoint: 'no-such-poster' })
    const report = await syncOnce({ db: device, fetch: net.fetch, refresh: false })
    expect(report).toMatchObject({ ok: true, requests: 1, acknowledged: 2, rejected: 1, stillQueued: 0 })
    expect(await device.outbox.get(bad!.id)).toMatchObject({ state: 'rejected', error: { code: 'unknown_entry_point' } })
    expect((await device.mine.get(bad!.id))?.delivery).toBe('rejected')
    expect(await rows(good.map((g) => g.id))).toHaveLength(2)
    // A refused item is not sent again by itself.
    await syncOnce({ db: device, fetch: net.fetch, refresh: false })
    expect(net.submits()).toHaveLength(1)
  })

  it('sends 250 queued items in 3 requests of at most 100', async () => {
    const net = network(testApp(db()))
    const { db: device } = newDevice()
    const items = await queueItems(device, 250)
    const report = await syncOnce({ db: device, fetch: net.fetch, refresh: false })
    expect(report).toMatchObject({ ok: true, acknowledged: 250, stillQueued: 0 })
    expect(net.submits().map((s) => s.items)).toEqual([100, 100, 50])
    expect(await rows(items.map((i) => i.id))).toHaveLength(250)
  })

  it('lets two tabs sync at once: with the lock one request carries the items, without it the server still keeps each once', async () => {
    const net = network(testApp(db()))
    const tab1 = newDevice()
    const tab2 = tab1.again()
    const items = await queueItems(tab1.db, 5)
    const [a, b] = await Promise.all([syncOnce({ db: tab1.db, fetch: net.fetch, refresh: false }), syncOnce({ db: tab2, fetch: net.fetch, refresh: false })])
    expect(a.acknowledged + b.acknowledged).toBe(5)
    expect(net.submits()).toHaveLength(1)

    const more = await queueItems(tab1.db, 5)
    const noLock: LockFn = (_, fn) => fn()
    const [c, d] = await Promise.all([syncOnce({ db: tab1.db, fetch: net.fetch, refresh: false, lock: noLock }), syncOnce({ db: tab2, fetch: net.fetch, refresh: false, lock: noLock })])
    expect(c.ok && d.ok).toBe(true)
    expect(await tab1.db.outbox.count()).toBe(0)
    expect((await rows([...items, ...more].map((i) => i.id))).every((r) => r.n === 1)).toBe(true)
    expect(await rows([...items, ...more].map((i) => i.id))).toHaveLength(10)
  })

  it('brings the union\'s answer back to the device, readable afterwards without a network', async () => {
    const { app, sessions, act } = await cast(db())
    const net = network(app)
    const { db: device, again } = newDevice()
    const [item] = await queueItems(device, 1)
    await syncOnce({ db: device, fetch: net.fetch })
    expect((await act(sessions.officer, item!.id, 'accept', { category: 'livelihood', summary: '食堂开饭时间', tags: [], proposal: false })).status).toBe(200)
    const reply = await act(sessions.officer, item!.id, 'reply', { text: '食堂将为夜班保留热饭到 22 点。', channel: 'app' })
    expect(reply.status).toBe(200)
    await syncOnce({ db: device, fetch: net.fetch })
    net.fault = 'offline'
    const reopened = (await again().mine.get(item!.id))!
    expect(reopened.tracked?.status).toBe('replied')
    expect(reopened.tracked?.events.at(-1)).toMatchObject({ kind: 'reply', text: '食堂将为夜班保留热饭到 22 点。' })
  })

  it('queues a verdict offline and records it once through a dropped answer; a refused one waits for the worker', async () => {
    const { app, sessions, act } = await cast(db())
    const net = network(app)
    const { db: device } = newDevice()
    const [item, early] = await queueItems(device, 2)
    await syncOnce({ db: device, fetch: net.fetch })
    await act(sessions.officer, item!.id, 'accept', { summary: '开饭时间' })
    await act(sessions.officer, item!.id, 'reply', { text: '已调整。', channel: 'app' })
    await syncOnce({ db: device, fetch: net.fetch })

    await queueVerdict(device, item!.id, item!.followUpCode, 'rate', { rating: 'unsatisfied', message: '没有变化' })
    await queueVerdict(device, early!.id, early!.followUpCode, 'rate', { rating: 'satisfied' }) // not answered yet
    net.fault = 'offline'
    expect(await syncOnce({ db: device, fetch: net.fetch })).toMatchObject({ ok: false, verdicts: 0 })
    net.fault = 'drop-response'
    await syncOnce({ db: device, fetch: net.fetch })
    net.fault = null
    const report = await syncOnce({ db: device, fetch: net.fetch })
    expect(report).toMatchObject({ ok: true, verdicts: 1, rejected: 1 })
    const { rows } = await sql<{ kind: string; n: number }>`select kind, count(*)::int as n from suggestion_events where suggestion_id = ${item!.id} and kind in ('rate', 'reopen') group by kind order by kind`.execute(db().db)
    expect(rows).toEqual([{ kind: 'rate', n: 1 }, { kind: 'reopen', n: 1 }])
    expect((await device.mine.get(item!.id))?.tracked?.status).toBe('accepted')
    const left = await device.verdicts.toArray()
    expect(left).toMatchObject([{ itemId: early!.id, state: 'rejected', error: { code: 'rating_not_allowed' } }])
    // A refused verdict is not sent again by itself.
    const before = net.log.length
    await syncOnce({ db: device, fetch: net.fetch, refresh: false })
    expect(net.log.slice(before).filter((l) => l.path.startsWith('/api/track/'))).toEqual([])
  })
})

it('keeps the items and waits as told while the server\'s database is away (503 with Retry-After)', async () => {
  const unreachable = connectPostgres('postgres://nobody@127.0.0.1:1/none', { max: 1, connectTimeoutMs: 1000 })
  try {
    const app = createApp({ db: unreachable.db, dialect: 'postgres' })
    const { db: device } = newDevice()
    await queueItems(device, 2)
    const report = await syncOnce({ db: device, fetch: network(app).fetch })
    expect(report).toMatchObject({ ok: false, failure: 'server', retryAfterMs: 5000, acknowledged: 0, rejected: 0, stillQueued: 2 })
    expect((await device.outbox.toArray()).map((r) => r.state)).toEqual(['queued', 'queued'])
  } finally {
    await unreachable.close()
  }
})

it('acknowledging twice is harmless (a replay is an acknowledgement)', async () => {
  const { db: device } = newDevice()
  const item = workerItem()
  const { enqueue } = await import('../../client/local-db/outbox')
  await enqueue(device, item, null)
  await acknowledge(device, item.id, new Date().toISOString())
  await acknowledge(device, item.id, new Date().toISOString())
  expect(await device.outbox.count()).toBe(0)
  expect((await device.mine.get(item.id))?.delivery).toBe('received')
})

it('backs off exponentially with jitter, capped at five minutes', () => {
  expect(backoffMs(1, () => 0)).toBe(1000)
  expect(backoffMs(1, () => 1)).toBe(2000)
  expect(backoffMs(4, () => 1)).toBe(16_000)
  expect(backoffMs(30, () => 1)).toBe(300_000)
  expect(backoffMs(30, () => 0)).toBe(150_000)
})

it('runs locked work one at a time within a page', async () => {
  const order: string[] = []
  const slow = (tag: string) => async () => {
    order.push(`${tag}+`)
    await new Promise((r) => setTimeout(r, 10))
    order.push(`${tag}-`)
  }
  await Promise.all([pageLock('x', slow('a')), pageLock('x', slow('b'))])
  expect(order).toEqual(['a+', 'a-', 'b+', 'b-'])
})
