/**
 * `npm run bench`: every figure of issue 12 on this machine, against its goal, from nothing.
 * A throwaway PostgreSQL (bench/pg.ts; fsync on), a seeded oilfield of `--items` items
 * (bench/generate.ts), then the inbox and search (bench/inbox.ts, with the plans of its queries
 * in bench/explain.md), the union's overview (bench/dashboard.ts), ingest against pgbench in the
 * same run (bench/ingest.ts), 60 s of mixed load on two app processes (bench/sustained.ts) and
 * the worker's first load (scripts/size.ts, after a build if there is none). The tables go to
 * stdout and to bench/latest.md.
 * Run: npm run bench [-- --items 1000000] [--seed 20261126] [--quick]
 * (--quick: 100,000 items and shorter rounds, about 4 minutes; the whole set about 15.)
 */
import { execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { connectPostgres } from '../server/db/connect'
import { runDashboard } from './dashboard'
import { table, type Figure } from './figures'
import { generate } from './generate'
import { runInbox } from './inbox'
import { runNotify } from './notify'
import { formatIngest, runIngest } from './ingest'
import { throwawayPostgres } from './pg'
import { runSustained } from './sustained'
import { formatReport } from './sustained-report'

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : undefined
}
const quick = process.argv.includes('--quick')
const items = Number(arg('items') ?? (quick ? 100_000 : 1_000_000))
const seed = Number(arg('seed') ?? 20261126)
if (!Number.isInteger(items) || items < 1000) throw new Error(`--items must be a whole number of at least 1000, got ${arg('items')}`)

const started = performance.now()
const elapsed = () => `${Math.round((performance.now() - started) / 1000)} s`
const log = (line: string) => console.log(`[${elapsed()}] ${line}`)
const sections: string[] = []
const section = (title: string, body: string) => {
  sections.push(`## ${title}\n\n${body}\n`)
  console.log(`\n## ${title}\n\n${body}\n`)
}

const pg = await throwawayPostgres()
try {
  log(`PostgreSQL on 127.0.0.1:${pg.port} (${pg.pgBin}); filling ${items.toLocaleString('en-US')} items, seed ${seed}`)
  await pg.createDb('bench')
  const db = connectPostgres(pg.url('bench'))
  const filled = await generate(db.db, { items, seed, log })
  await db.close()
  log(`filled in ${filled.seconds} s`)

  const inbox = await runInbox({ url: pg.url('bench'), rounds: 3, each: quick ? 10 : 20, explain: 'bench/explain.md', log })
  section(`The inbox at ${items.toLocaleString('en-US')} items (an officer of the top unit; ms)`, table(inbox))
  const dashboard = await runDashboard({ url: pg.url('bench') })
  section(`The union's overview at ${items.toLocaleString('en-US')} items (ms)`, table(dashboard))
  const notify = await runNotify({ url: pg.url('bench') })
  section(`Messages and 我的待办 at ${items.toLocaleString('en-US')} items (ms)`, table(notify))

  log('ingest against pgbench')
  const ingest = await runIngest({ databaseUrl: pg.url('bench'), seconds: quick ? 5 : 10, rounds: 3, log })
  section(`Ingest into the ${items.toLocaleString('en-US')} items, against pgbench in the same run`, formatIngest(ingest))

  log('sustained load on two app processes')
  await pg.createDb('sustained')
  const sustained = await runSustained({ databaseUrl: pg.url('sustained'), seconds: quick ? 20 : 60, rate: 40, log })
  section('Sustained mixed load, two app processes behind a round-robin proxy', '```\n' + formatReport(sustained) + '\n```')

  if (!existsSync('dist/client/index.html')) {
    log('building the client for its size')
    execFileSync('npm', ['run', 'build'], { stdio: 'ignore' })
  }
  const size = execFileSync('npx', ['tsx', 'scripts/size.ts'], { encoding: 'utf8' }).trim()
  const firstLoad = Number(/([\d.]+) KB\s+total/.exec(size)?.[1])
  // Issue 12's goal: the whole form route in the first round trip (about 14 KB).
  const form: Figure = { name: "the worker's form route, first visit (KB gzip)", p50: firstLoad, p95: firstLoad, goal: 14, unit: 'KB' }
  section("The worker's first load", table([form]) + '\n\n```\n' + size + '\n```')

  const all: Figure[] = [...inbox, ...dashboard, ...notify, form]
  const missed = all.filter((f) => f.goal !== null && (f.higher ? f.p50 < f.goal : f.p95 > f.goal)).map((f) => f.name)
  missed.push(...ingest.rows.filter((r) => !r.met).map((r) => `ingest: ${r.name}`))
  if (!sustained.ok) missed.push('sustained load: ' + sustained.problems.join('; '))
  const head = [
    `# \`npm run bench\`, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${items.toLocaleString('en-US')} items, seed ${seed}; ${elapsed()} in all.`,
    '',
    missed.length ? `Goals not met: ${missed.join('; ')}.` : 'Every goal met.',
    '',
  ]
  writeFileSync('bench/latest.md', [...head, ...sections].join('\n'))
  log(`written to bench/latest.md; goals not met: ${missed.length}`)
} finally {
  await pg.stop()
}
