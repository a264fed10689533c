/**
 * The union's figures at a whole oilfield's scale: N items (default 1,000,000) over two years,
 * spread over every unit and QR point, category and status, a third dispatched, a fifth replied;
 * then the overview's requests through the real app, as an officer of the top unit (and a leader).
 * Run: DATABASE_URL=postgres://… npx tsx bench/dashboard.ts [items]
 * Prints p50 and p95 of 30 requests of each kind (after 3 unmeasured ones). The rows go in
 * through the tables' triggers, which keep the figures' sums (migration 21): about 1,700 items a
 * second here, so a first run at 1,000,000 fills for ten minutes; a second run reuses them.
 */
import { sql } from 'kysely'
import { createApp } from '../server/app'
import { SESSION_COOKIE } from '../server/auth/middleware'
import { createSession } from '../server/auth/sessions'
import { connectPostgres } from '../server/db/connect'
import { seedDemoIfEmpty } from '../server/db/demo-seed'
import { migrateToLatest } from '../server/db/migrate'
import { DEFAULT_CATEGORIES } from '../shared/categories'
import { todayInChina } from '../shared/time'
import { presetPeriod, previousPeriod, trendPeriod, type Period } from '../client/admin/dashboard/period'
import { uuidv7 } from '../shared/uuid'

const ITEMS = Number(process.argv[2] ?? 1_000_000)
const SPAN_MS = 2 * 365 * 86_400_000
const STATUSES = ['submitted', 'accepted', 'dispatched', 'reported', 'replied', 'closed', 'declined'] as const

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL: a PostgreSQL database to fill')
  const db = connectPostgres(process.env.DATABASE_URL)
  const migrating = performance.now()
  await migrateToLatest(db.db)
  console.log(`migrations: ${Math.round(performance.now() - migrating)} ms`)
  await seedDemoIfEmpty(db.db)
  const points = await db.db.selectFrom('entry_points').select(['id', 'unit_id']).execute()
  const units = await db.db.selectFrom('org_units').select(['id']).execute()
  const top = await db.db.selectFrom('org_units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()
  const [officer, leader, handler] = await Promise.all(
    (['officer', 'leader', 'handler'] as const).map(async (role) =>
      // A second run on the same database finds its people there.
      (await db.db.selectFrom('users').select('id').where('username', '=', `bench-${role}`).executeTakeFirst())?.id ??
      (await db.db.insertInto('users').values({ username: `bench-${role}`, display_name: role, role, unit_id: top.id, password_hash: 'x' }).returning('id').executeTakeFirstOrThrow()).id,
    ),
  )
  const existing = Number((await db.db.selectFrom('suggestions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
  const started = performance.now()
  const now = Date.now()
  for (let done = existing; done < ITEMS; done += 2000) {
    const items = Array.from({ length: Math.min(2000, ITEMS - done) }, (_, i) => {
      const n = done + i
      const at = new Date(now - Math.floor((n / ITEMS) * SPAN_MS))
      const point = points[n % points.length]!
      return {
        id: uuidv7(at.getTime()),
        follow_up_hash: `bench-${n}`,
        payload_hash: 'bench',
        serial_year: 1000 + Math.floor(n / 100_000),
        serial_seq: (n % 100_000) + 1,
        entry_point_id: point.id,
        unit_id: n % 3 ? point.unit_id : units[n % units.length]!.id,
        category: DEFAULT_CATEGORIES[n % DEFAULT_CATEGORIES.length]!.id,
        content: `第${n}号意见`,
        anonymous: true,
        device_created_at: at,
        received_at: at,
        status: STATUSES[n % STATUSES.length]!,
        is_proposal: n % 17 === 0,
        rating: n % 7 === 4 ? ('satisfied' as const) : n % 7 === 5 ? ('unsatisfied' as const) : null,
        content_grams: [],
      }
    })
    await db.db.insertInto('suggestions').values(items).execute()
    const dispatched = items.filter((it) => ['dispatched', 'reported', 'replied', 'closed'].includes(it.status))
    if (dispatched.length) {
      await db.db
        .insertInto('assignments')
        .values(dispatched.map((it, i) => ({ suggestion_id: it.id, unit_id: it.unit_id, leader_id: leader!, responsible_id: handler!, deadline: new Date(it.received_at.getTime() + 7 * 86_400_000), state: it.status === 'dispatched' ? ('open' as const) : ('reported' as const), outcome: it.status === 'dispatched' ? null : i % 4 ? ('completed' as const) : ('partial' as const), reported_at: it.status === 'dispatched' ? null : new Date(it.received_at.getTime() + (i % 10) * 86_400_000), reported_by: handler!, created_by: officer! })))
        .execute()
    }
    const replied = items.filter((it) => ['replied', 'closed', 'declined'].includes(it.status))
    if (replied.length) {
      await db.db
        .insertInto('suggestion_events')
        // First answers from the same day to 40 days later, in steps of a tenth of a day.
        .values(replied.map((it, i) => ({ suggestion_id: it.id, kind: it.status === 'declined' ? ('decline' as const) : ('reply' as const), actor_kind: 'officer' as const, actor_user_id: officer!, public_text: '已答复', is_public: true, created_at: new Date(it.received_at.getTime() + ((i * 7919) % 400) * 8_640_000) })))
        .execute()
    }
  }
  await sql`analyze`.execute(db.db)
  console.log(`items: ${ITEMS} (${existing} there already; ${Math.round((performance.now() - started) / 1000)} s to add the rest)`)

  const app = createApp({ db: db.db, dialect: db.dialect })
  const cookies = {
    officer: `${SESSION_COOKIE}=${(await createSession(db.db, officer!)).token}`,
    leader: `${SESSION_COOKIE}=${(await createSession(db.db, leader!)).token}`,
  }
  const today = todayInChina()
  const thisMonth = presetPeriod('thisMonth', today)
  const thisYear = presetPeriod('thisYear', today)
  const q = (query: Record<string, string>) => new URLSearchParams(query).toString()
  /** The overview's requests for a period, as the page makes them at once. */
  const overview = (period: Period): string[] => [
    `/api/admin/items/stats?${q({ ...period })}`,
    `/api/admin/items/stats?${q({ ...previousPeriod(period) })}`,
    ...(['unit', 'category', 'entryPoint'] as const).map((by) => `/api/admin/items/breakdown?${q({ by, ...period })}`),
    `/api/admin/items/breakdown?${q({ by: 'month', ...trendPeriod(period) })}`,
    `/api/admin/scans?${q({ ...period })}`,
  ]
  const requests: Array<[string, keyof typeof cookies, string[]]> = [
    ['stats, this month', 'officer', [`/api/admin/items/stats?${q({ ...thisMonth })}`]],
    ['stats, this year', 'officer', [`/api/admin/items/stats?${q({ ...thisYear })}`]],
    ['stats, all time', 'officer', ['/api/admin/items/stats']],
    ['stats, 2025-12-15 to today (days at both ends)', 'officer', [`/api/admin/items/stats?${q({ from: '2025-12-15', to: today })}`]],
    ['breakdown by unit, this month', 'officer', [`/api/admin/items/breakdown?${q({ by: 'unit', ...thisMonth })}`]],
    ['breakdown by category, this year', 'officer', [`/api/admin/items/breakdown?${q({ by: 'category', ...thisYear })}`]],
    ['breakdown by QR point, all time', 'officer', ['/api/admin/items/breakdown?by=entryPoint']],
    ['breakdown by month, 12 months', 'officer', [`/api/admin/items/breakdown?${q({ by: 'month', ...trendPeriod(thisMonth) })}`]],
    ['the whole overview, this month (7 requests at once)', 'officer', overview(thisMonth)],
    ['the whole overview, this year (7 requests at once)', 'officer', overview(thisYear)],
    ['stats, this month, a leader of the top unit', 'leader', [`/api/admin/items/stats?${q({ ...thisMonth })}`]],
    ['stats, this year, a leader of the top unit', 'leader', [`/api/admin/items/stats?${q({ ...thisYear })}`]],
    ['monthly report, last month', 'officer', [`/api/admin/report?month=${presetPeriod('lastMonth', today).from.slice(0, 7)}`]],
  ]
  console.log('| request | p50 ms | p95 ms |\n|---|---:|---:|')
  for (const [name, who, paths] of requests) {
    const times: number[] = []
    for (let i = 0; i < 33; i++) {
      const t = performance.now()
      await Promise.all(
        paths.map(async (path) => {
          const res = await app.request(path, { headers: { cookie: cookies[who] } })
          await res.arrayBuffer()
          if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
        }),
      )
      if (i >= 3) times.push(performance.now() - t)
    }
    times.sort((a, b) => a - b)
    console.log(`| ${name} | ${times[Math.floor(times.length * 0.5)]!.toFixed(0)} | ${times[Math.floor(times.length * 0.95)]!.toFixed(0)} |`)
  }
  await db.close()
}

await main()
