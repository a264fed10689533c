import { workerItem } from '../helpers/worker-item'
import { expect, it } from 'vitest'
import { createApp } from '../../server/app'
import { newFollowUpCode } from '../../shared/follow-up-code'
import { postJson } from '../helpers/test-app'
import { describeEachDialect } from '../helpers/test-db'

describeEachDialect('the public request limit', ({ db }) => {
  const app = () =>
    createApp({ db: db().db, dialect: db().dialect, publicRateLimit: { max: 3, windowMs: 60_000 }, network: { trustProxy: true } })
  const item = () => workerItem('测试限流的意见内容', { category: 'other' })

  it('answers 429 with Retry-After past the limit, per address, keeping only a hash of it', async () => {
    const a = app()
    const from = (ip: string) => ({ 'x-forwarded-for': ip })
    for (let i = 0; i < 3; i++) expect((await postJson(a, '/api/suggestions', { items: [item()] }, from('10.9.8.7'))).status).toBe(201)
    const over = await postJson(a, '/api/suggestions', { items: [item()] }, from('10.9.8.7'))
    expect([over.status, over.body.error.code]).toEqual([429, 'rate_limited'])
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0)
    // Tracking shares the count; another address does not.
    expect((await postJson(a, '/api/track', { codes: [newFollowUpCode()] }, from('10.9.8.7'))).status).toBe(429)
    expect((await postJson(a, '/api/suggestions', { items: [item()] }, from('10.1.1.1'))).status).toBe(201)
    const keys = JSON.stringify(await db().db.selectFrom('rate_limits').selectAll().execute())
    expect(keys).not.toContain('10.9.8.7')
    expect(keys).not.toContain('10.1.1.1')
  })

  it('starts counting again when the window has passed', async () => {
    const a = app()
    for (let i = 0; i < 4; i++) await postJson(a, '/api/track', { codes: [newFollowUpCode()] })
    expect((await postJson(a, '/api/track', { codes: [newFollowUpCode()] })).status).toBe(429)
    await db().db.updateTable('rate_limits').set({ window_start: new Date(Date.now() - 61_000) }).execute()
    expect((await postJson(a, '/api/track', { codes: [newFollowUpCode()] })).status).toBe(200)
  })
})
