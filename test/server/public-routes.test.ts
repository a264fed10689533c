import { createApp } from '../../server/app'
import { expect, it } from 'vitest'
import { describeEachDialect } from '../helpers/test-db'
import { testApp } from '../helpers/test-app'
import { DEFAULT_CATEGORIES } from '../../shared/categories'

describeEachDialect('GET /api/health and /api/entry-points', ({ db, dialect }) => {
  it('says the app is up and which database it runs on', async () => {
    const res = await testApp(db()).request('/api/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, database: dialect, version: 'test' })
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('names a QR entry point and the units above it', async () => {
    const res = await testApp(db()).request('/api/entry-points/cs3')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      code: 'cs3',
      name: '第三中心站生活点文化墙',
      unitPath: ['艾家湾采油作业区', '第三中心站'],
      replyWithinDays: 7,
      categories: DEFAULT_CATEGORIES,
    })
  })

  it('lists every active QR point with its units, for a worker who came without a code', async () => {
    await db().db.updateTable('entry_points').set({ active: false }).where('code', '=', 'cs3').execute()
    const res = await testApp(db()).request('/api/entry-points')
    expect(res.status).toBe(200)
    const list = (await res.json()) as Array<{ code: string; name: string; unitPath: string[] }>
    expect(list.map((p) => p.code).sort()).toEqual(['base-canteen', 'base-grid', 'base-wall', 'cs1', 'cs2'])
    expect(list.find((p) => p.code === 'cs1')).toEqual({ code: 'cs1', name: '第一中心站生活点文化墙', unitPath: ['艾家湾采油作业区', '第一中心站'], replyWithinDays: 7 })
    // By unit: the base's points first, then each central station's.
    expect(list.map((p) => p.unitPath.length)).toEqual([1, 1, 1, 2, 2])
  })

  it('answers an unknown or malformed entry point with a JSON 404', async () => {
    for (const code of ['nowhere', '%27%3B--', 'x'.repeat(40)]) {
      const res = await testApp(db()).request(`/api/entry-points/${code}`, { headers: { 'accept-language': 'en' } })
      expect(res.status).toBe(404)
      expect(await res.json()).toEqual({ error: { code: 'entry_point_not_found', message: expect.stringContaining('QR') } })
    }
  })

  it('sends security headers that keep the referrer and framing out', async () => {
    const res = await testApp(db()).request('/api/health')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    // The old header says the same as frame-ancestors: no framing at all.
    expect(res.headers.get('x-frame-options')).toBe('DENY')
  })

  it('sends HSTS only over HTTPS, where a browser heeds it', async () => {
    const app = testApp(db())
    expect((await app.request('http://yijian.example.com/api/health')).headers.get('strict-transport-security')).toBeNull()
    expect((await app.request('https://yijian.example.com/api/health')).headers.get('strict-transport-security')).toMatch(/^max-age=\d+/)
    // Behind a trusted proxy that says the browser came over HTTPS.
    const proxied = createApp({ db: db().db, dialect: db().dialect, network: { trustProxy: 1 } })
    const res = await proxied.request('http://127.0.0.1/api/health', { headers: { 'x-forwarded-proto': 'https' } })
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=/)
    const untrusted = await app.request('http://127.0.0.1/api/health', { headers: { 'x-forwarded-proto': 'https' } })
    expect(untrusted.headers.get('strict-transport-security')).toBeNull()
  })
})
