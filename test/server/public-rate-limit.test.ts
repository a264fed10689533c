import { workerItem } from '../helpers/worker-item'
import { expect, it } from 'vitest'
import { createApp } from '../../server/app'
import { pruneLimits } from '../../server/limits/counter'
import type { PublicLimits } from '../../server/limits/policy'
import { newFollowUpCode } from '../../shared/follow-up-code'
import { postJson } from '../helpers/test-app'
import { describeEachDialect } from '../helpers/test-db'

const MINUTE = 60_000
const small: PublicLimits = {
  submit: { max: 3, windowMs: MINUTE },
  track: { max: 4, windowMs: MINUTE },
  items: { max: 5, windowMs: 60 * MINUTE },
  photos: { max: 3, windowMs: MINUTE },
}

describeEachDialect('the worker routes\' per-address budgets', ({ db }) => {
  let now = 1000 * 60 * MINUTE + 10_000
  const app = (limits = small) => createApp({ db: db().db, dialect: db().dialect, limits, network: { trustProxy: 1 }, clock: () => now })
  const from = (ip: string) => ({ 'x-forwarded-for': ip })
  const item = () => workerItem('测试限流的意见内容', { category: 'other' })
  const track = (a: ReturnType<typeof app>, ip: string) => postJson(a, '/api/track', { codes: [newFollowUpCode()] }, from(ip))

  it('answers 429 with Retry-After past the submission budget, per address, keeping no address', async () => {
    const a = app()
    for (let i = 0; i < 3; i++) expect((await postJson(a, '/api/suggestions', { items: [item()] }, from('10.9.8.7'))).status).toBe(201)
    const over = await postJson(a, '/api/suggestions', { items: [item()] }, from('10.9.8.7'))
    expect([over.status, over.body.error.code]).toEqual([429, 'rate_limited'])
    expect(Number(over.headers.get('retry-after'))).toBe(50)
    expect((await postJson(a, '/api/suggestions', { items: [item()] }, from('10.1.1.1'))).status).toBe(201)
    const rows = JSON.stringify(await db().db.selectFrom('rate_limits').selectAll().execute())
    expect(rows).not.toContain('10.9.8.7')
    expect(rows).not.toContain('10.1.1.1')
  })

  it('keeps tracking apart from submitting: a busy base still syncs its items', async () => {
    const a = app()
    for (let i = 0; i < 4; i++) expect((await track(a, '10.2.2.2')).status).toBe(200)
    expect((await track(a, '10.2.2.2')).status).toBe(429)
    expect((await postJson(a, '/api/suggestions', { items: [item()] }, from('10.2.2.2'))).status).toBe(201)
  })

  it('gives photo chunks a budget of their own: a phone uploading does not stop its base from tracking', async () => {
    const a = app()
    const chunk = (ip: string) =>
      a.request('/api/track/photos', { method: 'PUT', headers: { ...from(ip), 'x-item-id': item().id, 'x-photo-sha256': 'a'.repeat(64), 'x-follow-up-code': newFollowUpCode(), 'content-range': 'bytes */100' } })
    // Each a 404 (no such item), each counted, none of them tracking.
    expect(await Promise.all([1, 2, 3].map(async () => (await chunk('10.5.5.5')).status))).toEqual([404, 404, 404])
    const over = await chunk('10.5.5.5')
    expect([over.status, (await over.json()).error.code]).toEqual([429, 'rate_limited'])
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await chunk('10.6.6.6')).status).toBe(404)
    expect((await track(a, '10.5.5.5')).status).toBe(200)
  })

  it('counts each tracking request once, whichever tracking route it is', async () => {
    const a = app()
    for (let i = 0; i < 2; i++) expect((await track(a, '10.3.3.3')).status).toBe(200)
    const rate = await postJson(a, '/api/track/rate', { code: newFollowUpCode(), rating: 'satisfied' }, from('10.3.3.3'))
    const message = await postJson(a, '/api/track/message', { code: newFollowUpCode(), text: '请问进展如何' }, from('10.3.3.3'))
    expect([rate.status, message.status]).toEqual([404, 404])
    expect((await track(a, '10.3.3.3')).status).toBe(429)
    const [row] = await db().db.selectFrom('rate_limits').select('count').where('key', 'like', 'track:%').execute()
    expect(row!.count).toBe(5)
  })

  it('bounds the new items of one address, and a replay of stored items costs nothing', async () => {
    const a = app({ ...small, submit: { max: 100, windowMs: MINUTE } })
    const batch = [item(), item(), item(), item()]
    expect((await postJson(a, '/api/suggestions', { items: batch }, from('10.4.4.4'))).status).toBe(201)
    for (let i = 0; i < 5; i++) expect((await postJson(a, '/api/suggestions', { items: batch }, from('10.4.4.4'))).status).toBe(200)
    // One more new item fits; a batch of two does not, and leaves the budget as it was.
    const two = await postJson(a, '/api/suggestions', { items: [item(), item()] }, from('10.4.4.4'))
    expect([two.status, two.body.results.map((r: any) => r.error.code)]).toEqual([429, ['rate_limited', 'rate_limited']])
    expect(Number(two.headers.get('retry-after'))).toBeGreaterThan(0)
    const mixed = await postJson(a, '/api/suggestions', { items: [batch[0], item()] }, from('10.4.4.4'))
    expect([mixed.status, mixed.body.results.map((r: any) => r.result)]).toEqual([207, ['duplicate', 'created']])
    expect((await postJson(a, '/api/suggestions', { items: [item()] }, from('10.4.4.4'))).status).toBe(429)
    expect(Number((await db().db.selectFrom('suggestions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(5)
  })

  it('holds under a parallel burst: exactly the budget gets through', async () => {
    const a = app({ ...small, submit: { max: 7, windowMs: MINUTE } })
    const answers = await Promise.all(Array.from({ length: 20 }, () => postJson(a, '/api/suggestions', { items: [item()] }, from('10.5.5.5'))))
    const statuses = answers.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(5)
    expect(statuses.filter((s) => s === 429)).toHaveLength(15)
    expect(Number((await db().db.selectFrom('suggestions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(5)
  })

  it('starts counting again in the next window, and the ended window is swept', async () => {
    const a = app()
    for (let i = 0; i < 4; i++) await track(a, '10.6.6.6')
    expect((await track(a, '10.6.6.6')).status).toBe(429)
    now += MINUTE
    expect((await track(a, '10.6.6.6')).status).toBe(200)
    expect(await pruneLimits(db().db, new Date(now))).toBe(1)
    expect((await db().db.selectFrom('rate_limits').select('count').execute()).map((r) => r.count)).toEqual([1])
  })

  it('takes the address the trusted proxy saw, not what the client wrote to the left of it', async () => {
    const a = app()
    for (let i = 0; i < 4; i++) expect((await track(a, `10.0.${i}.7, 192.0.2.1`)).status).toBe(200)
    expect((await track(a, '10.0.99.7, 192.0.2.1')).status).toBe(429)
    // Behind two proxies the client is the second from the right.
    const twice = createApp({ db: db().db, dialect: db().dialect, limits: small, network: { trustProxy: 2 }, clock: () => now + 60 * MINUTE })
    for (let i = 0; i < 4; i++) expect((await track(twice, `10.0.${i}.7, 192.0.2.2, 198.51.100.1`)).status).toBe(200)
    expect((await track(twice, 'forged, 192.0.2.2, 198.51.100.1')).status).toBe(429)
  })
})
