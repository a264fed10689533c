/**
 * The ledger (台账) export at scale: 100,000 items (a third dispatched and reported, a fifth
 * replied), exported as XLSX and as CSV through the real route, read as a browser would.
 * Run: npx tsx bench/ledger.ts [items]  (default 100000; PGlite in memory, or DATABASE_URL)
 * Prints rows, bytes, time and the process's peak memory while each file streams.
 */
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'kysely'
import { createApp } from '../server/app'
import { createSession } from '../server/auth/sessions'
import { SESSION_COOKIE } from '../server/auth/middleware'
import { connectPostgres, fromPglite, type Db } from '../server/db/connect'
import { seedDemoIfEmpty } from '../server/db/demo-seed'
import { migrateToLatest } from '../server/db/migrate'
import { contentGrams } from '../server/domain/search-grams'
import { uuidv7 } from '../shared/uuid'

const ITEMS = Number(process.argv[2] ?? 100_000)
const PHRASES = ['食堂的饭菜太咸了', '宿舍空调坏了', '班车时间不合适', '希望增加技能培训', '井场道路需要平整', '值班室漏雨', '加班费计算有疑问', '劳保用品发放不及时']

async function main() {
  const db: Db = process.env.DATABASE_URL ? connectPostgres(process.env.DATABASE_URL) : fromPglite(await PGlite.create())
  await migrateToLatest(db.db)
  await seedDemoIfEmpty(db.db)
  const ep = await db.db.selectFrom('entry_points').select(['id', 'unit_id']).executeTakeFirstOrThrow()
  const unit = await db.db.selectFrom('org_units').select('id').where('name', '=', '第一中心站').executeTakeFirstOrThrow()
  const [officer, leader, handler] = await Promise.all(
    (['officer', 'leader', 'handler'] as const).map(async (role) =>
      (await db.db.insertInto('users').values({ username: `bench-${role}`, display_name: `${role} 名字`, role, unit_id: ep.unit_id, password_hash: 'x' }).returning('id').executeTakeFirstOrThrow()).id,
    ),
  )
  const started = performance.now()
  for (let done = 0; done < ITEMS; done += 1000) {
    const items = Array.from({ length: Math.min(1000, ITEMS - done) }, (_, i) => {
      const n = done + i
      const content = `${PHRASES[n % PHRASES.length]}，第${n}号意见。${PHRASES[(n * 3) % PHRASES.length]}`
      return {
        id: uuidv7(Date.now() - n * 60_000),
        follow_up_hash: `bench-${n}`,
        payload_hash: 'bench',
        serial_year: 2000,
        serial_seq: n + 1,
        entry_point_id: ep.id,
        unit_id: ep.unit_id,
        category: 'livelihood',
        content,
        anonymous: true,
        device_created_at: new Date(),
        received_at: new Date(Date.now() - n * 60_000),
        status: (n % 3 === 0 ? 'reported' : 'submitted') as 'reported' | 'submitted',
        summary: n % 2 ? `摘要 ${n}` : null,
        content_grams: contentGrams(content),
      }
    })
    await db.db.insertInto('suggestions').values(items).execute()
    const dispatched = items.filter((_, i) => (done + i) % 3 === 0)
    if (dispatched.length) {
      await db.db
        .insertInto('assignments')
        .values(dispatched.map((it) => ({ suggestion_id: it.id, unit_id: unit.id, leader_id: leader!, responsible_id: handler!, deadline: new Date(), state: 'reported' as const, outcome: 'completed' as const, report_text: '已处理完毕，请查收。', reported_at: new Date(), reported_by: handler!, created_by: officer! })))
        .execute()
    }
    const replied = items.filter((_, i) => (done + i) % 5 === 0)
    if (replied.length) {
      await db.db
        .insertInto('suggestion_events')
        .values(replied.map((it) => ({ suggestion_id: it.id, kind: 'reply' as const, from_status: 'accepted' as const, to_status: 'replied' as const, actor_kind: 'officer' as const, actor_user_id: officer!, public_text: '感谢反映，已安排处理。', is_public: true, data: JSON.stringify({ channel: 'app' }) })))
        .execute()
    }
  }
  await sql`analyze`.execute(db.db)
  console.log(`${db.dialect}: ${ITEMS} items in ${Math.round(performance.now() - started)} ms`)

  const app = createApp({ db: db.db, dialect: db.dialect })
  const session = await createSession(db.db, officer!)
  for (const format of ['xlsx', 'csv'] as const) {
    global.gc?.()
    const base = process.memoryUsage().rss
    let peak = base
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
    const t = performance.now()
    const res = await app.request(`/api/admin/items/export.${format}`, { headers: { cookie: `${SESSION_COOKIE}=${session.token}` } })
    let bytes = 0
    for await (const chunk of res.body!) bytes += (chunk as Uint8Array).byteLength
    clearInterval(sample)
    const mb = (n: number) => (n / 2 ** 20).toFixed(0)
    console.log(`${format}: ${res.status}, ${(bytes / 2 ** 20).toFixed(1)} MiB in ${((performance.now() - t) / 1000).toFixed(1)} s; RSS ${mb(base)} MiB before, peak ${mb(peak)} MiB`)
  }
  await db.close()
}

await main()
