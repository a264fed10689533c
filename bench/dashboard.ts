/**
 * The union's figures at a whole oilfield's scale, on a database `bench/generate.ts` filled: the
 * overview's requests through the real app, as an officer of the top unit (and a leader).
 * Run: DATABASE_URL=postgres://… npx tsx bench/dashboard.ts  (part of `npm run bench`)
 * p50 and p95 of 30 requests of each kind (after 3 unmeasured ones), against the goal of 100 ms.
 */
import { createApp } from '../server/app'
import { SESSION_COOKIE } from '../server/auth/middleware'
import { createSession } from '../server/auth/sessions'
import { connectPostgres } from '../server/db/connect'
import { todayInChina } from '../shared/time'
import { presetPeriod, previousPeriod, trendPeriod, type Period } from '../client/admin/dashboard/period'
import { benchPeople } from './generate'
import { percentile, table, type Figure } from './figures'

const GOAL_MS = 100

export async function runDashboard(opts: { url: string }): Promise<Figure[]> {
  const db = connectPostgres(opts.url)
  const { officer, leader } = await benchPeople(db.db)
  const app = createApp({ db: db.db, dialect: db.dialect })
  const cookies = {
    officer: `${SESSION_COOKIE}=${(await createSession(db.db, officer)).token}`,
    leader: `${SESSION_COOKIE}=${(await createSession(db.db, leader)).token}`,
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
  const figures: Figure[] = []
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
    // The report is a document, not the overview: no goal of its own.
    figures.push({ name, p50: percentile(times, 0.5), p95: percentile(times, 0.95), goal: name.startsWith('monthly report') ? null : GOAL_MS, unit: 'ms' })
  }
  await db.close()
  return figures
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL: a database bench/generate.ts filled')
  console.log(table(await runDashboard({ url: process.env.DATABASE_URL })))
}
