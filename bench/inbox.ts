/**
 * The inbox at a whole oilfield's scale, on the database `bench/dashboard.ts` fills (run that
 * first): first pages, keyset pages and filtered pages for an officer of the top unit, through
 * the real app. Search is not measured here: that generator writes no searchable text.
 * Run: DATABASE_URL=postgres://… npx tsx bench/inbox.ts
 * Prints p50 and p95 of 30 requests of each kind (after 3 unmeasured ones).
 */
import { createApp } from '../server/app'
import { SESSION_COOKIE } from '../server/auth/middleware'
import { createSession } from '../server/auth/sessions'
import { connectPostgres } from '../server/db/connect'
import { todayInChina } from '../shared/time'

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL: the database bench/dashboard.ts filled')
  const db = connectPostgres(process.env.DATABASE_URL)
  const officer = await db.db.selectFrom('users').select('id').where('username', '=', 'bench-officer').executeTakeFirstOrThrow()
  const station = await db.db.selectFrom('org_units').select('id').where('kind', '=', 'station').orderBy('name').executeTakeFirstOrThrow()
  const point = await db.db.selectFrom('entry_points').select('code').orderBy('code').executeTakeFirstOrThrow()
  const app = createApp({ db: db.db, dialect: db.dialect })
  const cookie = `${SESSION_COOKIE}=${(await createSession(db.db, officer.id)).token}`
  const get = async (path: string) => {
    const res = await app.request(path, { headers: { cookie } })
    const body = (await res.json()) as { nextCursor: string | null }
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`)
    return body
  }
  // The cursor of page 50, followed from the first page.
  let cursor: string | null = null
  for (let page = 1; page < 51; page++) cursor = (await get(`/api/admin/items${cursor ? `?cursor=${cursor}` : ''}`)).nextCursor
  const monthAgo = todayInChina(new Date(Date.now() - 31 * 86_400_000))
  const requests: Array<[string, string]> = [
    ['first page', '/api/admin/items'],
    ['page 51 by cursors', `/api/admin/items?cursor=${cursor}`],
    ['status=submitted&category=pay', '/api/admin/items?status=submitted&category=pay'],
    ['status=submitted, received over 30 days ago', `/api/admin/items?status=submitted&to=${monthAgo}`],
    ['a station and below', `/api/admin/items?unitId=${station.id}`],
    ['one QR point', `/api/admin/items?entryPoint=${point.code}`],
    ['overdue', '/api/admin/items?overdue=1'],
    ['合理化建议', '/api/admin/items?proposal=1'],
    ['rated 不满意', '/api/admin/items?rating=unsatisfied'],
  ]
  console.log('| request | p50 ms | p95 ms |\n|---|---:|---:|')
  for (const [name, path] of requests) {
    const times: number[] = []
    for (let i = 0; i < 33; i++) {
      const t = performance.now()
      await get(path)
      if (i >= 3) times.push(performance.now() - t)
    }
    times.sort((a, b) => a - b)
    console.log(`| ${name} | ${times[Math.floor(times.length * 0.5)]!.toFixed(1)} | ${times[Math.floor(times.length * 0.95)]!.toFixed(1)} |`)
  }
  await db.close()
}

await main()
