import { sql } from 'kysely'
import { afterEach, expect, it, vi } from 'vitest'
import type { Device } from '../../client/local-db/device'
import { buildItem, checkItem, submitItem } from '../../client/worker/submit'
import { EMPTY_DRAFT } from '../../client/worker/draft'
import { testApp } from '../helpers/test-app'
import { describeEachDialect } from '../helpers/test-db'

const fields = { ...EMPTY_DRAFT, category: 'livelihood', content: '澡堂热水不够用，下班后排长队。', anonymous: true }
const failingDevice = (error: Error) => ({ phase: 'ready', device: { enqueue: async () => Promise.reject(error) } as unknown as Device }) as const

afterEach(() => vi.unstubAllGlobals())

describeEachDialect('submitting from the form', ({ db }) => {
  const rows = async () => (await sql<{ n: number }>`select count(*)::int as n from suggestions`.execute(db().db)).rows[0]!.n

  it('builds an item the shared schema accepts, with its id and follow-up code made on the device', () => {
    const item = buildItem(fields, 'cs1')
    expect(checkItem(item)).toEqual([])
    expect(checkItem(buildItem({ ...fields, anonymous: false }, 'cs1'))).toEqual([{ path: 'submitter.name', code: 'name_required' }])
    expect(checkItem(buildItem({ ...fields, category: '' }, 'cs1')).map((e) => e.code)).toEqual(['invalid_category'])
  })

  it('puts the item in the outbox when the device can store it, without any network', async () => {
    const stored: unknown[] = []
    const fetchSpy = vi.fn()
    vi.stubGlobal('fetch', fetchSpy)
    const device = { phase: 'ready', device: { enqueue: async (item: unknown) => void stored.push(item) } as unknown as Device } as const
    const item = buildItem(fields, 'cs1')
    expect(await submitItem(device, item, null, 'zh-CN')).toEqual({ kind: 'queued', id: item.id, code: item.followUpCode })
    expect(stored).toEqual([item])
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('sends directly when the phone is full, and says so when that fails too', async () => {
    const app = testApp(db())
    vi.stubGlobal('fetch', (path: string, init: RequestInit) => app.request(path, init))
    const full = failingDevice(new DOMException('quota', 'QuotaExceededError'))
    const item = buildItem(fields, 'cs1')
    expect(await submitItem(full, item, null, 'zh-CN')).toMatchObject({ kind: 'delivered', id: item.id })
    expect(await rows()).toBe(1)

    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')))
    expect(await submitItem(full, buildItem(fields, 'cs1'), null, 'zh-CN')).toEqual({ kind: 'failed', message: null, storage: 'full' })
    expect(await submitItem(failingDevice(new Error('disk I/O')), buildItem(fields, 'cs1'), null, 'zh-CN')).toEqual({ kind: 'failed', message: null, storage: 'failed' })
    expect(await rows()).toBe(1)
  })

  it('shows the server\'s reason when a direct send is refused', async () => {
    const app = testApp(db())
    vi.stubGlobal('fetch', (path: string, init: RequestInit) => app.request(path, init))
    const result = await submitItem({ phase: 'failed', reason: 'unavailable' }, buildItem(fields, 'no-such-poster'), null, 'zh-CN')
    expect(result).toEqual({ kind: 'failed', message: '二维码地点不存在或已停用，请重新扫码。', storage: 'failed' })
  })
})
