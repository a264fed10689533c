/**
 * How fast the inbox's Chinese substring search stays on a large table.
 * Run: npx tsx bench/search.ts [rows]  (default 50000; PGlite in memory, or DATABASE_URL)
 * Prints the median time of each query through the gram index, and of the same query as a
 * plain scan (`strpos` alone), so the index's worth is a measured figure.
 */
import { sql } from 'kysely'
import { PGlite } from '@electric-sql/pglite'
import { connectPostgres, fromPglite, type Db } from '../server/db/connect'
import { seedDemoIfEmpty } from '../server/db/demo-seed'
import { migrateToLatest } from '../server/db/migrate'
import { contentGrams, queryGrams } from '../server/domain/search-grams'
import { uuidv7 } from '../shared/uuid'

const ROWS = Number(process.argv[2] ?? 50_000)
const PHRASES = [
  '食堂的饭菜太咸了', '宿舍空调坏了', '班车时间不合适', '希望增加技能培训', '井场道路需要平整', '值班室漏雨',
  '加班费计算有疑问', '劳保用品发放不及时', '员工之家健身器材损坏', '建议大监控平台增加报警', '热水器不热',
  '夜班巡检安全隐患', '网络信号太差', '休假安排不公平', '绩效考核标准不清楚', '菜篮子工程很好',
]

async function main() {
  const db: Db = process.env.DATABASE_URL ? connectPostgres(process.env.DATABASE_URL) : fromPglite(await PGlite.create())
  await migrateToLatest(db.db)
  await seedDemoIfEmpty(db.db)
  const ep = await db.db.selectFrom('entry_points').select(['id', 'unit_id']).executeTakeFirstOrThrow()
  const started = performance.now()
  for (let done = 0; done < ROWS; done += 500) {
    const values = Array.from({ length: Math.min(500, ROWS - done) }, (_, i) => {
      const n = done + i
      const content = `${PHRASES[n % PHRASES.length]}，第${n}号意见，${PHRASES[(n * 7) % PHRASES.length]}`
      return {
        id: uuidv7(Date.now() - n * 1000),
        follow_up_hash: `bench-${n}`,
        payload_hash: 'bench',
        entry_point_id: ep.id,
        unit_id: ep.unit_id,
        category: 'other',
        content,
        anonymous: true,
        submitter_name: null,
        submitter_employee_no: null,
        submitter_phone: null,
        device_created_at: new Date(),
        merged_into: null,
        content_grams: contentGrams(content),
        // Numbers out of the app's way: the bench never submits through the counter.
        serial_year: 1999,
        serial_seq: n + 1,
      }
    })
    await db.db.insertInto('suggestions').values(values).execute()
  }
  await sql`analyze suggestions`.execute(db.db)
  console.log(`${db.dialect}: inserted ${ROWS} items in ${Math.round(performance.now() - started)} ms`)

  const queries = ['咸', '空调', '健身器材', '第12345号', '没有这句话']
  console.log('query            matches   indexed ms   scan ms')
  for (const q of queries) {
    const grams = queryGrams(q)
    const indexed = () =>
      sql<{ n: string }>`select count(*) as n from (select id from suggestions
        where content_grams @> ${sql.val(grams)}::text[] and strpos(lower(content), ${q}) > 0
        order by received_at desc limit 30) t`.execute(db.db)
    const scan = () =>
      sql<{ n: string }>`select count(*) as n from (select id from suggestions
        where strpos(lower(content), ${q}) > 0 order by received_at desc limit 30) t`.execute(db.db)
    const matches = await sql<{ n: string }>`select count(*) as n from suggestions where strpos(lower(content), ${q}) > 0`.execute(db.db)
    console.log(
      `${q.padEnd(12, '　')} ${String(matches.rows[0]!.n).padStart(8)} ${(await median(indexed)).toFixed(1).padStart(12)} ${(await median(scan)).toFixed(1).padStart(9)}`,
    )
  }
  // An item number: the inbox asks for it by the unique (year, seq) index, or any text that quotes it.
  const numbered = 'yj-1999-12345'
  const byNumber = sql`select id from suggestions
    where (serial_year = 1999 and serial_seq = 12345)
       or (content_grams @> ${sql.val(queryGrams(numbered))}::text[] and strpos(lower(content), ${numbered}) > 0)
    order by received_at desc limit 30`
  const found = await byNumber.execute(db.db)
  console.log(`${numbered}: ${found.rows.length} match, ${(await median(() => byNumber.execute(db.db))).toFixed(1)} ms`)
  const plan = await sql<Record<string, string>>`explain ${byNumber}`.execute(db.db)
  console.log(plan.rows.map((r) => Object.values(r)[0]).join('\n'))
  await db.close()
}

async function median(run: () => Promise<unknown>, times = 7): Promise<number> {
  const ms: number[] = []
  for (let i = 0; i < times; i++) {
    const t = performance.now()
    await run()
    ms.push(performance.now() - t)
  }
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)]!
}

await main()
