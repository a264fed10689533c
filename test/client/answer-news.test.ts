// The fake IndexedDB first: Dexie looks for IndexedDB when it loads.
import { network, newDevice, queueItems } from './device-fixtures'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PublicEvent, TrackedItem } from '../../shared/api'
import type { LocalDb } from '../../client/local-db/db'
import { hasNews, markSeen } from '../../client/local-db/news'
import { queueVerdict } from '../../client/local-db/verdicts'
import { syncOnce } from '../../client/sync/engine'
import { announce } from '../../client/sync/notices'
import { describeEachDialect } from '../helpers/test-db'
import { cast } from '../server/items/fixtures'

const unseen = async (device: LocalDb) => (await device.mine.toArray()).filter((row) => row.unseen).map((row) => row.id)

describeEachDialect('the union\'s answers announced on the worker\'s device', ({ db }) => {
  it('marks an item new when a sync finds the reply, lists it in the report once, and forgets it once opened', async () => {
    const { app, sessions, act } = await cast(db())
    const net = network(app)
    const { db: device, again } = newDevice()
    const [item] = await queueItems(device, 1)
    // The first look right after submitting finds nothing but the worker's own submission.
    expect(await syncOnce({ db: device, fetch: net.fetch })).toMatchObject({ ok: true, refreshed: 1, news: [] })
    expect(await unseen(device)).toEqual([])

    await act(sessions.officer, item!.id, 'accept', { summary: '开饭时间' })
    await act(sessions.officer, item!.id, 'reply', { text: '食堂将为夜班保留热饭到 22 点。', channel: 'app' })
    expect(await syncOnce({ db: device, fetch: net.fetch })).toMatchObject({ ok: true, news: [item!.id] })
    // Kept on the device: a reload (or the service worker) sees the mark.
    expect(await unseen(again())).toEqual([item!.id])

    // Nothing more happened: not news again, and still unread.
    expect((await syncOnce({ db: device, fetch: net.fetch })).news).toEqual([])
    expect(await unseen(device)).toEqual([item!.id])

    await markSeen(device, [item!.id])
    expect(await unseen(device)).toEqual([])
    expect((await syncOnce({ db: device, fetch: net.fetch })).news).toEqual([])
    expect(await unseen(device)).toEqual([])
    expect((await device.mine.get(item!.id))?.tracked?.status).toBe('replied')
  })

  it('marks a status change alone (accepted), and only the items it happened to', async () => {
    const { app, sessions, act } = await cast(db())
    const net = network(app)
    const { db: device } = newDevice()
    const [, b] = await queueItems(device, 2)
    await syncOnce({ db: device, fetch: net.fetch })
    await act(sessions.officer, b!.id, 'accept', { summary: '道路' })
    expect((await syncOnce({ db: device, fetch: net.fetch })).news).toEqual([b!.id])
    expect(await unseen(device)).toEqual([b!.id])
  })

  it('never marks the worker\'s own rating or message, nor the reopening their 不满意 causes; the union\'s next answer is news', async () => {
    const { app, sessions, act } = await cast(db())
    const net = network(app)
    const { db: device } = newDevice()
    const [item] = await queueItems(device, 1)
    await syncOnce({ db: device, fetch: net.fetch })
    await act(sessions.officer, item!.id, 'accept', { summary: '开饭时间' })
    await act(sessions.officer, item!.id, 'reply', { text: '已调整。', channel: 'app' })
    await syncOnce({ db: device, fetch: net.fetch })
    await markSeen(device, [item!.id])

    await queueVerdict(device, item!.id, item!.followUpCode, 'message', { text: '什么时候开始？' })
    await queueVerdict(device, item!.id, item!.followUpCode, 'rate', { rating: 'unsatisfied', message: '没有变化' })
    const report = await syncOnce({ db: device, fetch: net.fetch })
    expect(report).toMatchObject({ ok: true, verdicts: 2, news: [] })
    expect((await device.mine.get(item!.id))?.tracked?.status).toBe('accepted')
    expect(await unseen(device)).toEqual([])

    await act(sessions.officer, item!.id, 'reply', { text: '已换新灶具，下周起晚饭推迟到七点。', channel: 'app' })
    expect((await syncOnce({ db: device, fetch: net.fetch })).news).toEqual([item!.id])
    expect(await unseen(device)).toEqual([item!.id])
  })

  it('marks what the union did meanwhile when the answer to the worker\'s verdict carries it', async () => {
    const { app, sessions, act } = await cast(db())
    const net = network(app)
    const { db: device } = newDevice()
    const [item] = await queueItems(device, 1)
    await syncOnce({ db: device, fetch: net.fetch })
    await act(sessions.officer, item!.id, 'accept', { summary: '开饭时间' })
    // The message goes out before the refresh: its answer is the first to show the acceptance.
    await queueVerdict(device, item!.id, item!.followUpCode, 'message', { text: '有进展吗？' })
    expect((await syncOnce({ db: device, fetch: net.fetch })).news).toEqual([item!.id])
    expect(await unseen(device)).toEqual([item!.id])
  })
})

describe('local-db/news hasNews', () => {
  const event = (kind: PublicEvent['kind'], at: string, data: Record<string, string> | null = null): PublicEvent => ({ kind, at, status: null, text: null, data })
  const item = (events: PublicEvent[], mergedInto: TrackedItem['mergedInto'] = null) => ({ events, mergedInto }) as TrackedItem
  const submitted = [event('submit', '2026-11-01T08:00:00.000Z')]
  const replied = [...submitted, event('accept', '2026-11-02T08:00:00.000Z'), event('reply', '2026-11-03T08:00:00.000Z')]

  it('counts the union\'s steps only', () => {
    expect(hasNews(null, item(submitted))).toBe(false)
    expect(hasNews(null, item(replied))).toBe(true)
    expect(hasNews(item(replied), item(replied))).toBe(false)
    expect(hasNews(item(replied), item([...replied, event('rate', '2026-11-04T08:00:00.000Z', { rating: 'satisfied' })]))).toBe(false)
  })

  it('tells the union reopening after a satisfied rating from the worker\'s own 不满意', () => {
    const rated = (rating: string) => [...replied, event('rate', '2026-11-04T08:00:00.000Z', { rating }), event('reopen', '2026-11-04T09:00:00.000Z')]
    expect(hasNews(item(replied), item(rated('unsatisfied')))).toBe(false)
    expect(hasNews(item(replied), item(rated('satisfied')))).toBe(true)
  })

  it('counts the answer of the item a duplicate was merged into', () => {
    const merged = [...submitted, event('merge', '2026-11-02T08:00:00.000Z')]
    const main = { status: 'accepted' as const, events: [event('accept', '2026-11-02T07:00:00.000Z')] }
    expect(hasNews(item(merged, main), item(merged, { status: 'replied', events: [...main.events, event('reply', '2026-11-05T08:00:00.000Z')] }))).toBe(true)
    expect(hasNews(item(merged, main), item(merged, main))).toBe(false)
  })
})

describe('sync/notices announce', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  const marked = async (n: number, status: TrackedItem['status'] = 'replied') => {
    const { db: device } = newDevice()
    const items = await queueItems(device, n)
    for (const [i, it] of items.entries()) {
      const tracked = { id: it.id, number: `YJ-2026-000${i + 1}`, status, events: [], mergedInto: null } as unknown as TrackedItem
      await device.mine.update(it.id, { tracked, unseen: true })
    }
    return { device, ids: items.map((it) => it.id) }
  }
  const registration = () => {
    const shown: Array<{ title: string; options: NotificationOptions }> = []
    return { shown, showNotification: async (title: string, options: NotificationOptions = {}) => void shown.push({ title, options }) }
  }

  it('shows one notification, by number and status and never the item\'s words, that opens 我的意见', async () => {
    vi.stubGlobal('Notification', { permission: 'granted' })
    const { device, ids } = await marked(1)
    const reg = registration()
    await announce(reg, device, ids)
    expect(reg.shown).toEqual([{ title: '工会已答复您的意见', options: expect.objectContaining({ body: '编号 YJ-2026-0001：已答复。点开查看', tag: 'yj-answers', data: { url: '/?tab=mine' } }) }])
    expect(JSON.stringify(reg.shown)).not.toContain('井场道路')
  })

  it('sums up every unread item, says "news" when none is answered, and speaks the worker\'s language', async () => {
    vi.stubGlobal('Notification', { permission: 'granted' })
    const { device, ids } = await marked(2, 'accepted')
    const reg = registration()
    await announce(reg, device, ids.slice(1))
    expect(reg.shown.map((n) => [n.title, n.options.body])).toEqual([['您的意见有新进展', '2 条意见有新进展，点开查看']])
    await device.meta.put({ key: 'lang', value: 'en' })
    await announce(reg, device, ids.slice(1))
    expect(reg.shown[1]?.title).toBe('There is news on your item')
  })

  it('shows nothing without permission or without news', async () => {
    const { device, ids } = await marked(1)
    const reg = registration()
    vi.stubGlobal('Notification', { permission: 'default' })
    await announce(reg, device, ids)
    vi.stubGlobal('Notification', { permission: 'granted' })
    await announce(reg, device, [])
    expect(reg.shown).toEqual([])
  })
})
