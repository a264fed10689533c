import { createHash, createHmac } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../server/db/schema'
import { expect, it } from 'vitest'
import { createApp } from '../../server/app'
import { DEFAULT_PUBLIC_LIMITS } from '../../server/limits/policy'
import { pruneLimits } from '../../server/limits/counter'
import { payloadFields } from '../../server/domain/hashing'
import { postJson } from '../helpers/test-app'
import { describeEachDialect } from '../helpers/test-db'
import { workerItem } from '../helpers/worker-item'
import { cast } from './items/fixtures'

/** Every value of every table, as a holder of a copy of the database reads it. */
async function dump(db: Kysely<Database>): Promise<string[]> {
  const { rows: tables } = await sql<{ t: string }>`select table_name as t from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
  const values: string[] = []
  for (const { t } of tables) {
    const { rows } = await sql.raw(`select * from ${t}`).execute(db)
    for (const row of rows as Record<string, unknown>[]) for (const v of Object.values(row)) if (v !== null) values.push(v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v))
  }
  return values
}

describeEachDialect('anonymity against a copy of the database', ({ db }) => {
  it('keeps no address, and nothing in the database computes the rate-limit key of one', async () => {
    const app = createApp({ db: db().db, dialect: db().dialect, limits: DEFAULT_PUBLIC_LIMITS, network: { trustProxy: 1 } })
    const item = workerItem('匿名反映：班长经常克扣夜班补贴')
    const from = { 'x-forwarded-for': '10.77.1.9' }
    expect((await postJson(app, '/api/suggestions', { items: [item] }, from)).status).toBe(201)
    await postJson(app, '/api/auth/login', { username: 'nobody', password: 'some guess here' }, { ...from, origin: 'http://localhost', host: 'localhost' })
    const values = await dump(db().db)
    expect(values.join('\n')).not.toContain('10.77.1.9')
    const counters = await db().db.selectFrom('rate_limits').selectAll().execute()
    expect(counters.length).toBeGreaterThan(0)
    // The holder tries every value in the database as the secret of a salted hash or an HMAC of the address.
    const candidates = ['', ...values]
    for (const { key } of counters) {
      const [scope, mac] = key.split(':')
      for (const secret of candidates) {
        for (const guess of [
          createHash('sha256').update(`${secret}:10.77.1.9`).digest('hex').slice(0, 32),
          createHmac('sha256', secret).update('10.77.1.9').digest('hex').slice(0, 32),
          createHmac('sha256', secret).update(`${scope}\u0000${Math.floor(Date.now() / 60_000)}\u000010.77.1.9`).digest('hex').slice(0, 32),
        ]) {
          expect(guess).not.toBe(mac)
        }
      }
    }
    // The only time a counter keeps is the end of its window, the same for every counter in it.
    for (const row of counters) {
      const windowMs = row.key.startsWith('items:') ? DEFAULT_PUBLIC_LIMITS.items.windowMs : row.key.startsWith('submit:') ? 60_000 : 15 * 60_000
      expect(row.expires_at.getTime() % windowMs).toBe(0)
    }
    // And a counter is gone once its window ended.
    await pruneLimits(db().db, new Date(Date.now() + 60 * 60_000 + 1))
    expect(await db().db.selectFrom('rate_limits').selectAll().execute()).toEqual([])
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'server_secrets'`.execute(db().db)
    expect(rows[0]!.n).toBe(0)
  })

  it('keeps only the day an anonymous item was made on the phone, and a payload hash only its code opens', async () => {
    const app = createApp({ db: db().db, dialect: db().dialect })
    const made = new Date('2026-11-20T09:41:27.318Z')
    const anonymous = workerItem('匿名：宿舍暖气不热', { createdAt: made.toISOString() })
    const named = workerItem('实名：宿舍暖气不热', { createdAt: made.toISOString(), anonymous: false, submitter: { name: '王五' } })
    await postJson(app, '/api/suggestions', { items: [anonymous, named] })
    const rows = await db().db.selectFrom('suggestions').select(['id', 'device_created_at', 'payload_hash']).execute()
    const byId = new Map(rows.map((r) => [r.id, r]))
    // 2026-11-20 in China starts at 2026-11-19T16:00Z.
    expect(byId.get(anonymous.id)!.device_created_at.toISOString()).toBe('2026-11-19T16:00:00.000Z')
    expect(byId.get(named.id)!.device_created_at.toISOString()).toBe(made.toISOString())
    // Without the code, the hash cannot be matched by trying times: the unkeyed hash of the true fields differs.
    const unkeyed = createHash('sha256').update(JSON.stringify(payloadFields(anonymous))).digest('hex')
    expect(byId.get(anonymous.id)!.payload_hash).toMatch(/^v2:[0-9a-f]{64}$/)
    expect(byId.get(anonymous.id)!.payload_hash).not.toContain(unkeyed)
  })

  it('shows a merged item\'s worker the main item\'s status and answers, never what its worker wrote', async () => {
    const { sessions, submit, act, track, app } = await cast(db())
    const main = await submit('宿舍3号楼热水器坏了')
    const dup = await submit('3号楼没有热水')
    await act(sessions.officer, main.id, 'accept')
    await act(sessions.officer, dup.id, 'merge', { into: main.id })
    await act(sessions.officer, main.id, 'reply', { text: '已联系维修，周五前修好。', channel: 'app' })
    const secret = '我是宿舍3号的老王，电话13800000000'
    await postJson(app, '/api/track/message', { code: main.code, text: secret })
    await postJson(app, '/api/track/rate', { code: main.code, rating: 'unsatisfied', message: `${secret}，还没修` })
    const seen = await track(dup.code)
    expect(seen.mergedInto.status).toBe('accepted')
    expect(seen.mergedInto.events.map((e: any) => e.kind)).toEqual(['accept', 'reply'])
    expect(JSON.stringify(seen)).not.toContain('老王')
    expect(JSON.stringify(seen)).not.toContain('unsatisfied')
    expect(seen.mergedInto.events.find((e: any) => e.kind === 'reply').text).toBe('已联系维修，周五前修好。')
    // The main item's own worker still sees all of it.
    expect(JSON.stringify(await track(main.code))).toContain('老王')
  })
})
