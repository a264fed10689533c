/**
 * Issue 12's ingest figures, measured against this machine's own durable insert rate in the same
 * run: pgbench's one-row INSERT a transaction (8 clients) beside POST /api/suggestions through
 * the real server in a process of its own, one item a request and 100-item batches, in
 * alternating rounds (pgbench, then each load; repeated).
 * Run: npx tsx bench/ingest.ts [--seconds N] [--rounds N] [--database-url URL]
 * Without a URL it starts a throwaway PostgreSQL (bench/pg.ts, fsync on) and deletes it after;
 * with one, it writes items into that database and pgbench a scratch table it drops after.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import pg from 'pg'
import { connectPostgres } from '../server/db/connect'
import { offeredCategoryIds } from '../server/domain/categories'
import type { SubmitOutcome } from '../shared/api'
import { newFollowUpCode } from '../shared/follow-up-code'
import { deviceId } from '../shared/uuid'
import type { SubmitItemInput } from '../shared/validation'
import { findPgBin, pgbench, throwawayPostgres } from './pg'

export interface IngestOptions {
  /** Length of each measurement (default 10 s). */
  seconds?: number
  /** Alternating rounds of pgbench and the app's loads (default 3). */
  rounds?: number
  /** A PostgreSQL database to use; without it a throwaway cluster is started. */
  databaseUrl?: string
  log?: (line: string) => void
}

export interface IngestLoad {
  name: string
  connections: number
  /** Items a request. */
  batch: number
  /** Items a second over pgbench's transactions a second that issue 12 asks for. */
  goal: number
}

export const LOADS: readonly IngestLoad[] = [
  { name: '1 item a request, 8 connections', connections: 8, batch: 1, goal: 0.5 },
  { name: '1 item a request, 32 connections', connections: 32, batch: 1, goal: 0.5 },
  { name: '100-item batches, 8 connections', connections: 8, batch: 100, goal: 5 },
]

export interface IngestRow extends IngestLoad {
  /** Median over rounds. */
  itemsPerS: number
  /** Median of each round's items/s ÷ that round's pgbench tps. */
  ratio: number
  met: boolean
  /** Latency of a request, over every round's requests. */
  p50Ms: number
  p95Ms: number
  perRound: Array<{ itemsPerS: number; ratio: number }>
}

export interface IngestFigures {
  seconds: number
  rounds: number
  /** The server's version and the settings that decide durability. */
  postgres: string
  pgbench: { tps: number; latencyMs: number; perRound: number[] }
  rows: IngestRow[]
  /** What the app printed on stderr while measured (errors under load), first lines. */
  serverStderr: string[]
}

const PGBENCH_CLIENTS = 8
const SCRATCH = 'bench_ingest_scratch'
const PHRASES = ['食堂的饭菜太咸了', '宿舍空调坏了', '班车时间不合适', '希望增加技能培训', '井场道路需要平整', '值班室漏雨', '加班费计算有疑问', '劳保用品发放不及时', '希望夜班有热饭', '网格管理牌信息过期']
const ROOT = fileURLToPath(new URL('..', import.meta.url))

export async function runIngest(opts: IngestOptions = {}): Promise<IngestFigures> {
  const seconds = opts.seconds ?? 10
  const rounds = opts.rounds ?? 3
  const log = opts.log ?? ((line: string) => console.log(line))
  const cluster = opts.databaseUrl ? null : await throwawayPostgres()
  const work = mkdtempSync(join(tmpdir(), 'bench-ingest-'))
  const removeWork = () => rmSync(work, { recursive: true, force: true })
  process.on('exit', removeWork)
  let admin: pg.Client | null = null
  let server: AppServer | null = null
  try {
    if (cluster) await cluster.createDb('yijian_ingest')
    const url = opts.databaseUrl ?? cluster!.url('yijian_ingest')
    const pgBin = cluster?.pgBin ?? findPgBin()
    admin = new pg.Client({ connectionString: url })
    await admin.connect()
    const postgres = await describeServer(admin)
    log(`${postgres}; ${seconds} s a measurement, ${rounds} round(s)`)
    // Shaped like an item row: uuid key, a unique hash, ~300 characters of text, times.
    await admin.query(`create table if not exists ${SCRATCH} (id uuid primary key, code_hash text not null unique, category text not null, content text not null, anonymous boolean not null, device_created_at timestamptz not null, received_at timestamptz not null default now())`)
    const script = join(work, 'insert.sql')
    writeFileSync(script, `INSERT INTO ${SCRATCH} (id, code_hash, category, content, anonymous, device_created_at) VALUES (gen_random_uuid(), md5(random()::text), 'livelihood', repeat('食堂的饭菜需要改进', 33) || random()::text, true, now());\n`)

    server = await startServer(url)
    const db = connectPostgres(url, { max: 1 })
    const points = (await db.db.selectFrom('entry_points').select('code').where('active', '=', true).orderBy('code').execute()).map((r) => r.code)
    const categories = [...(await offeredCategoryIds(db.db))]
    await db.close()
    if (!points.length || !categories.length) throw new Error('the database has no active QR point or category to submit to')
    const makeItem = itemMaker(points, categories)
    const app = server
    // A failed request says why in the server's log: show it with the failure.
    const measure = (load: IngestLoad, s: number) =>
      drive(app.port, load, s, makeItem).catch(async (err: Error) => {
        await new Promise((resolve) => setTimeout(resolve, 200))
        throw new Error(`${err.message}\nthe server's stderr:\n${app.stderr.slice(-30).join('\n')}`)
      })
    // Unmeasured: the server's first requests compile its code paths.
    await measure(LOADS[0]!, Math.min(3, seconds))
    app.stderr.length = 0

    const tpsPerRound: number[] = []
    const latencyPerRound: number[] = []
    const measured = LOADS.map(() => ({ perRound: [] as Array<{ itemsPerS: number; ratio: number }>, latencies: [] as number[] }))
    for (let round = 1; round <= rounds; round++) {
      await admin.query(`truncate ${SCRATCH}`)
      await checkpoint(admin)
      const bench = await pgbench({ pgBin, url, script, clients: PGBENCH_CLIENTS, seconds })
      tpsPerRound.push(bench.tps)
      latencyPerRound.push(bench.latencyMs)
      const parts = [`pgbench ${fmt(bench.tps)} tps`]
      for (const [i, load] of LOADS.entries()) {
        await checkpoint(admin)
        const run = await measure(load, seconds)
        measured[i]!.perRound.push({ itemsPerS: run.itemsPerS, ratio: run.itemsPerS / bench.tps })
        measured[i]!.latencies.push(...run.latencies)
        parts.push(`${load.name}: ${fmt(run.itemsPerS)} items/s (${(run.itemsPerS / bench.tps).toFixed(2)})`)
      }
      log(`round ${round}: ${parts.join(' | ')}`)
    }
    const rows = LOADS.map((load, i): IngestRow => {
      const { perRound, latencies } = measured[i]!
      const ratio = median(perRound.map((r) => r.ratio))
      return { ...load, itemsPerS: median(perRound.map((r) => r.itemsPerS)), ratio, met: ratio >= load.goal, p50Ms: percentile(latencies, 0.5), p95Ms: percentile(latencies, 0.95), perRound }
    })
    return { seconds, rounds, postgres, pgbench: { tps: median(tpsPerRound), latencyMs: median(latencyPerRound), perRound: tpsPerRound }, rows, serverStderr: server.stderr.slice(0, 20) }
  } finally {
    await server?.stop()
    if (admin) {
      await admin.query(`drop table if exists ${SCRATCH}`).catch(() => {})
      await admin.end().catch(() => {})
    }
    await cluster?.stop()
    removeWork()
    process.off('exit', removeWork)
  }
}

/** The figures as a Markdown table, with the settings they were measured under. */
export function formatIngest(f: IngestFigures): string {
  const lines = [
    `${f.postgres}; ${f.seconds} s a measurement, median of ${f.rounds} round(s)`,
    '',
    '| load | items/s | ÷ pgbench tps | goal | p50 / p95 ms a request |',
    '|---|---:|---:|---:|---:|',
    `| pgbench: 1 INSERT a transaction, ${PGBENCH_CLIENTS} clients | ${fmt(f.pgbench.tps)} tps | 1 | — | ${f.pgbench.latencyMs.toFixed(1)} (average) |`,
    ...f.rows.map((r) => `| ${r.name} | ${fmt(r.itemsPerS)} | ${r.ratio.toFixed(2)} | ≥ ${r.goal}: ${r.met ? 'met' : 'not met'} | ${r.p50Ms.toFixed(1)} / ${r.p95Ms.toFixed(1)} |`),
  ]
  if (f.serverStderr.length) lines.push('', 'The server wrote on stderr while measured:', ...f.serverStderr.map((l) => `  ${l}`))
  return lines.join('\n')
}

async function describeServer(client: pg.Client): Promise<string> {
  const { rows } = await client.query<Record<string, string>>(
    "select current_setting('server_version') v, current_setting('fsync') f, current_setting('synchronous_commit') s, current_setting('shared_buffers') b",
  )
  const r = rows[0]!
  return `PostgreSQL ${r.v}, fsync ${r.f}, synchronous_commit ${r.s}, shared_buffers ${r.b}`
}

/** Each measurement starts without the previous one's dirty pages (needs superuser or pg_checkpoint). */
async function checkpoint(client: pg.Client): Promise<void> {
  await client.query('checkpoint').catch(() => {})
}

interface AppServer {
  port: number
  /** Lines the server wrote on stderr since it started (cleared after the warm-up). */
  stderr: string[]
  stop(): Promise<void>
}

/** The real server (server/index.ts) in a process of its own, so the load does not share its event loop. */
async function startServer(databaseUrl: string): Promise<AppServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      SEED_DEMO: 'yes',
      LOG_REQUESTS: '0',
      RATE_LIMIT_SUBMIT_PER_MINUTE: '0',
      RATE_LIMIT_ITEMS_PER_HOUR: '0',
      RATE_LIMIT_TRACK_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const kill = () => child.kill('SIGKILL')
  // Signals become an exit, so that 'exit' handlers (this one, bench/pg.ts's) clean up.
  const onSignal = () => process.exit(130)
  process.on('exit', kill)
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const stdout: string[] = []
  const stderr: string[] = []
  child.stderr.on('data', (d: Buffer) => stderr.push(...d.toString().split('\n').filter(Boolean)))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 120 s:\n${stdout.concat(stderr).join('\n')}`)), 120_000)
    child.stdout.on('data', (d: Buffer) => {
      stdout.push(...d.toString().split('\n').filter(Boolean))
      const found = stdout.map((l) => /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(l)?.[1]).find(Boolean)
      if (found) {
        clearTimeout(timer)
        resolve(Number(found))
      }
    })
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`the server exited (${code}) before listening:\n${stdout.concat(stderr).join('\n')}`))
    })
  }).catch((err: unknown) => {
    kill()
    throw err
  })
  return {
    port,
    stderr,
    stop: async () => {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        const timer = setTimeout(kill, 15_000)
        await exited
        clearTimeout(timer)
      }
      process.off('exit', kill)
    },
  }
}

type MakeItem = () => SubmitItemInput

/** New items as a device makes them: its own id and code, a QR point, ~300 characters; a fifth named. */
function itemMaker(points: string[], categories: string[]): MakeItem {
  let n = 0
  return () => {
    const i = n++
    let content = `第${i}号意见：`
    for (let k = 0; content.length < 300; k++) content += `${PHRASES[(i + k * 7) % PHRASES.length]}，`
    const named = i % 5 === 0
    return {
      id: deviceId(),
      followUpCode: newFollowUpCode(),
      entryPoint: points[i % points.length]!,
      category: categories[i % categories.length]!,
      content,
      anonymous: !named,
      ...(named ? { submitter: { name: '王师傅' } } : {}),
      createdAt: new Date().toISOString(),
    }
  }
}

/** `load.connections` clients, each sending one request after another for `seconds`; every item must be created. */
async function drive(port: number, load: IngestLoad, seconds: number, makeItem: MakeItem): Promise<{ itemsPerS: number; latencies: number[] }> {
  const agent = new Agent({ keepAlive: true, maxSockets: load.connections })
  const latencies: number[] = []
  let created = 0
  let failed = false
  const started = performance.now()
  const until = started + seconds * 1000
  const client = async () => {
    while (!failed && performance.now() < until) {
      const body = JSON.stringify({ items: Array.from({ length: load.batch }, makeItem) })
      const sent = performance.now()
      const res = await post(agent, port, body).catch((err: unknown) => {
        failed = true
        throw err
      })
      latencies.push(performance.now() - sent)
      const results = res.status >= 200 && res.status < 300 ? (JSON.parse(res.text) as { results: SubmitOutcome[] }).results : null
      const wrong = results ? results.find((r) => r.result !== 'created') : undefined
      if (!results || wrong || results.length !== load.batch) {
        failed = true
        throw new Error(`${load.name}: HTTP ${res.status}: ${(wrong ? JSON.stringify(wrong) : res.text).slice(0, 500)}`)
      }
      created += results.length
    }
  }
  try {
    await Promise.all(Array.from({ length: load.connections }, client))
  } finally {
    agent.destroy()
  }
  return { itemsPerS: created / ((performance.now() - started) / 1000), latencies }
}

function post(agent: Agent, port: number, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/suggestions', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

function median(values: number[]): number {
  return percentile(values, 0.5)
}

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const at = (sorted.length - 1) * p
  const lo = Math.floor(at)
  return sorted[lo]! + (sorted[Math.ceil(at)]! - sorted[lo]!) * (at - lo)
}

function fmt(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 0 })
}

function parseArgs(argv: string[]): IngestOptions {
  const opts: IngestOptions = {}
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]]
    const positive = () => {
      const n = Number(value)
      if (!(n > 0) || !Number.isFinite(n)) throw new Error(`${flag} needs a positive number, got "${value}"`)
      i++
      return n
    }
    if (flag === '--seconds') opts.seconds = positive()
    else if (flag === '--rounds') opts.rounds = Math.round(positive())
    else if (flag === '--database-url' && value) {
      opts.databaseUrl = value
      i++
    } else throw new Error(`usage: npx tsx bench/ingest.ts [--seconds N] [--rounds N] [--database-url URL] (got "${flag}")`)
  }
  return opts
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now()
  const figures = await runIngest(parseArgs(process.argv.slice(2)))
  console.log(`\n${formatIngest(figures)}\n\n(${Math.round((performance.now() - started) / 1000)} s in all)`)
}
