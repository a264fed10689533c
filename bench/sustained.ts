/**
 * Issue 12: sustained mixed load on two app processes behind a round-robin proxy, one PostgreSQL.
 * Run: npx tsx bench/sustained.ts --database-url postgres://… [--seconds 60] [--rate 40] [--warmup 5]
 * (an empty database is best; the apps migrate it and load the demo organisation).
 *
 * Submits, follow-up lookups and inbox pages (50 / 25 / 25) at a fixed open-loop rate; every
 * non-2xx or network error counts. Reports p50/p95/p99 per kind, each process's RSS each second,
 * and checks through the database that every item answered 201 is stored once, numbered without
 * gaps, and that both processes counted their rate limits on the same rows. Exit code 1 on any error.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { realpathSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { connectPostgres } from '../server/db/connect'
import { startApp, type AppProcess } from './sustained-apps'
import { checkItems, checkLimits, countItems, limitKeys } from './sustained-checks'
import { drive } from './sustained-load'
import { CLIENT_ADDRESS, closeClient, Mix, send } from './sustained-mix'
import { startProxy } from './sustained-proxy'
import { formatReport, type SustainedResult } from './sustained-report'

export type { SustainedResult } from './sustained-report'

export interface SustainedOptions {
  databaseUrl: string
  seconds?: number
  /** Requests per second, all kinds together. */
  rate?: number
  warmupSeconds?: number
  log?: (line: string) => void
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * The apps' per-address budgets, twice what the load sends (every request comes from one address,
 * the bench's), so limits stay on and are counted in the database but never refuse.
 */
function limitEnv(rate: number, totalSeconds: number): Record<string, string> {
  const submitsPerS = rate / 2
  return {
    RATE_LIMIT_SUBMIT_PER_MINUTE: String(Math.ceil(submitsPerS * 60 * 2) + 60),
    RATE_LIMIT_TRACK_PER_MINUTE: String(Math.ceil((rate / 4) * 60 * 2) + 60),
    RATE_LIMIT_ITEMS_PER_HOUR: String(Math.ceil(submitsPerS * totalSeconds * 2) + 300),
  }
}

export async function runSustained(options: SustainedOptions): Promise<SustainedResult> {
  const { databaseUrl, seconds = 60, rate = 40, warmupSeconds = 5, log = (l: string) => console.log(l) } = options
  const problems: string[] = []
  const env = {
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    SEED_DEMO: 'yes',
    LOG_REQUESTS: '0',
    // One key for both: a counter's row is an HMAC of scope, window and address under it.
    RATE_LIMIT_KEY: randomBytes(32).toString('hex'),
    // The proxy appends the address it saw (the bench's, 127.0.0.2); the apps believe that one
    // entry and no more, and count the limits on it rather than on the proxy's 127.0.0.1.
    TRUST_PROXY: '1',
    ...limitEnv(rate, seconds + warmupSeconds),
  }
  const db = connectPostgres(databaseUrl, { max: 2 })
  const apps: AppProcess[] = []
  let proxy: Awaited<ReturnType<typeof startProxy>> | undefined
  try {
    // One after the other: the first migrates and seeds, so the second finds the work done.
    for (const name of ['a', 'b']) {
      const started = performance.now()
      apps.push(await startApp(name, ROOT, env))
      log(`[bench] app ${name}: pid ${apps.at(-1)!.pid}, port ${apps.at(-1)!.port}, healthy in ${Math.round(performance.now() - started)} ms`)
    }
    proxy = await startProxy(apps.map((a) => ({ name: a.name, port: a.port })))
    log(`[bench] proxy on port ${proxy.port}`)

    const username = `sustained-${Date.now().toString(36)}`
    const password = randomBytes(12).toString('base64url')
    await addOfficer(databaseUrl, username, password)
    // Two logins through the proxy, so that each process makes one session; each session must
    // then be taken by both processes, asked directly.
    const sessions: Array<{ madeBy: string; acceptedBy: string[]; token: string }> = []
    for (let i = 0; i < apps.length; i++) {
      const login = await send(proxy.port, 'POST', '/api/auth/login', { origin: `http://127.0.0.1:${proxy.port}` }, { username, password })
      const token = login.setCookie.map((c) => /^yj_session=([^;]+)/.exec(c)?.[1]).find(Boolean)
      if (login.status !== 200 || !token) throw new Error(`login through the proxy: ${login.status} ${login.text.slice(0, 300)}`)
      const acceptedBy: string[] = []
      for (const app of apps) {
        const me = await send(app.port, 'GET', '/api/auth/me', { cookie: `yj_session=${token}` })
        if (me.status === 200 && me.text.includes(username)) acceptedBy.push(app.name)
        else problems.push(`session made by ${login.servedBy} refused by ${app.name}: ${me.status} ${me.text.slice(0, 200)}`)
      }
      sessions.push({ madeBy: login.servedBy, acceptedBy, token })
      log(`[bench] officer ${username} logged in through ${login.servedBy}; session accepted by ${acceptedBy.join(', ') || 'none'}`)
    }
    if (new Set(sessions.map((s) => s.madeBy)).size !== apps.length) problems.push(`the logins were not spread over the processes`)

    const loadBefore = loadavg()[0]!
    const rowsBefore = await countItems(db.db)
    const keysBefore = await limitKeys(db.db)
    const from = Date.now()
    const load = await drive(new Mix(proxy.port, sessions.map((s) => s.token)), apps, rate, seconds, warmupSeconds, log)
    const ids = load.mix.stored.map((s) => s.id)
    const { found, gapFree, years } = await checkItems(db.db, ids)
    const rowsAfter = await countItems(db.db)
    const limits = await checkLimits(db.db, env.RATE_LIMIT_KEY, CLIENT_ADDRESS, keysBefore, from, Date.now())

    if (load.errorCount) problems.push(`${load.errorCount} request(s) failed`)
    if (found !== ids.length) problems.push(`${ids.length} items answered 201 but ${found} found`)
    if (rowsAfter - rowsBefore !== ids.length) problems.push(`the table grew by ${rowsAfter - rowsBefore} rows for ${ids.length} items answered 201`)
    if (!gapFree) problems.push(`item numbers have gaps: ${JSON.stringify(years)}`)
    for (const l of limits) if (!l.rows || l.strays) problems.push(`rate limit ${l.scope}: ${l.rows} row(s) under the shared key, ${l.strays} under others`)
    if (proxy.failures) problems.push(`the proxy answered ${proxy.failures} request(s) itself`)

    const result: SustainedResult = {
      rate,
      seconds,
      warmupSeconds,
      kinds: load.kinds,
      errorCount: load.errorCount,
      errors: load.errors,
      loadAverage: [loadBefore, loadavg()[0]!],
      maxLagMs: load.maxLagMs,
      rss: load.rss,
      sessions: sessions.map(({ madeBy, acceptedBy }) => ({ madeBy, acceptedBy })),
      lookupsCrossed: load.crossed,
      items: { created: ids.length, found, rowsBefore, rowsAfter, gapFree },
      limits: limits.map((l) => ({ ...l, sent: l.scope === 'items' ? ids.length : load.sent[l.scope] })),
      proxyFailures: proxy.failures,
      appStderr: {},
      problems,
      ok: false,
    }
    for (const app of apps) {
      const code = await app.stop()
      if (code !== 0) problems.push(`app ${app.name} exited with ${code}`)
      result.appStderr[app.name] = app.stderr.filter((l) => !l.startsWith('[static]'))
    }
    result.ok = problems.length === 0
    return result
  } finally {
    await Promise.all(apps.map((a) => a.stop()))
    await proxy?.close()
    closeClient()
    await db.close()
  }
}

/** An officer of the top unit, made the way an operator makes one: the account command, password on stdin. */
function addOfficer(databaseUrl: string, username: string, password: string): Promise<void> {
  const args = ['--import', 'tsx', 'server/cli/user.ts', 'add', username, '--role', 'officer', '--unit', '艾家湾采油作业区', '--name', '压测干事']
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['pipe', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')))
  child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')))
  child.stdin.end(`${password}\n`)
  return new Promise((ok, fail) => child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`account command exited with ${code}: ${output}`)))))
}

function isMain(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isMain()) {
  const { values } = parseArgs({
    options: { 'database-url': { type: 'string' }, seconds: { type: 'string' }, rate: { type: 'string' }, warmup: { type: 'string' } },
    strict: true,
  })
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL
  if (!databaseUrl) {
    console.error('usage: npx tsx bench/sustained.ts --database-url postgres://… [--seconds 60] [--rate 40] [--warmup 5]')
    process.exit(2)
  }
  const number = (v: string | undefined, fallback: number, zero = false) => {
    const n = v === undefined ? fallback : Number(v)
    if (!Number.isFinite(n) || n < 0 || (n === 0 && !zero)) throw new Error(`not a ${zero ? 'non-negative' : 'positive'} number: ${v}`)
    return n
  }
  const result = await runSustained({
    databaseUrl,
    seconds: number(values.seconds, 60),
    rate: number(values.rate, 40),
    warmupSeconds: number(values.warmup, 5, true),
  })
  console.log(formatReport(result))
  process.exitCode = result.ok ? 0 : 1
}
