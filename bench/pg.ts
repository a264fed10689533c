/**
 * A throwaway PostgreSQL cluster for benchmarks: initdb in a temp folder (as the `postgres` user
 * when run as root, since initdb refuses root), started on a free loopback port, deleted by
 * `stop()` or when the process ends. Durable (fsync on) like production unless asked otherwise.
 * Also runs pgbench on a custom script, for a machine's own baseline.
 */
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export interface ThrowawayPostgres {
  /** The address of database `db` on this cluster (user postgres, trust auth, loopback). */
  url: (db: string) => string
  /** The folder of the server's programs (initdb, pg_ctl, pgbench…). */
  pgBin: string
  port: number
  createDb(name: string): Promise<void>
  /** Stops the server and deletes its folder; safe to call twice. */
  stop(): Promise<void>
}

export interface ThrowawayOptions {
  port?: number
  /** false: fsync off, for speed where durability does not matter (default on). */
  fsync?: boolean
}

const ROOT = '/usr/lib/postgresql'

/** The newest installed PostgreSQL's bin folder, or an error that says how to install one. */
export function findPgBin(): string {
  const versions = existsSync(ROOT) ? readdirSync(ROOT).filter((v) => existsSync(join(ROOT, v, 'bin', 'initdb'))) : []
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0]
  if (!newest) throw new Error(`no PostgreSQL found in ${ROOT}/*/bin: apt-get install postgresql (or run \`bash .ci/run\` once)`)
  return join(ROOT, newest, 'bin')
}

export async function throwawayPostgres(opts: ThrowawayOptions = {}): Promise<ThrowawayPostgres> {
  const pgBin = findPgBin()
  const dir = mkdtempSync(join(tmpdir(), 'bench-pg-'))
  const data = join(dir, 'data')
  const owner = postgresOwner()
  if (owner) chownSync(dir, owner.uid, owner.gid)
  const asOwner: SpawnOptions = { cwd: dir, ...(owner ?? {}) }
  let stopped = false

  // Synchronous, so that it also runs from an 'exit' handler.
  const stopNow = () => {
    if (stopped) return
    stopped = true
    process.off('exit', stopNow)
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    spawnSync(join(pgBin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], { ...asOwner, stdio: 'ignore' })
    rmSync(dir, { recursive: true, force: true })
  }
  const onSignal = (signal: NodeJS.Signals) => {
    stopNow()
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.on('exit', stopNow)
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)

  try {
    await run(join(pgBin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], asOwner)
    const settings = [
      '-c max_connections=200',
      '-c shared_buffers=1GB',
      // Room for a few minutes of writes between checkpoints, as a tuned server has.
      '-c max_wal_size=4GB',
      `-c fsync=${opts.fsync === false ? 'off' : 'on'}`,
    ]
    // A port picked free may be taken before the server binds it: pick again.
    for (let attempt = 1; ; attempt++) {
      const port = opts.port ?? (await freePort())
      const options = `-h 127.0.0.1 -p ${port} -k ${dir} ${settings.join(' ')}`
      try {
        await run(join(pgBin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', options, 'start'], asOwner)
      } catch (err) {
        if (opts.port !== undefined || attempt >= 3) throw new Error(`${(err as Error).message}\n${readLog(dir)}`)
        continue
      }
      const url = (db: string) => `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(db)}`
      return {
        url,
        pgBin,
        port,
        createDb: async (name) => {
          const client = new pg.Client({ connectionString: url('postgres') })
          await client.connect()
          try {
            await client.query(`create database ${pg.escapeIdentifier(name)}`)
          } finally {
            await client.end()
          }
        },
        stop: async () => stopNow(),
      }
    }
  } catch (err) {
    stopNow()
    throw err
  }
}

export interface PgbenchOptions {
  pgBin: string
  /** The database, as a postgres:// address (host, port, user, password and sslmode are read from it). */
  url: string
  /** A custom script file (`-f`); pgbench's own tables are not used, so no vacuum (`-n`). */
  script: string
  clients: number
  seconds: number
}

/** Runs pgbench for `seconds` and reads its transactions a second and average latency; fails on any failed transaction. */
export async function pgbench(o: PgbenchOptions): Promise<{ tps: number; latencyMs: number }> {
  const u = new URL(o.url)
  const args = ['-n', '-f', o.script, '-c', String(o.clients), '-j', String(Math.min(o.clients, availableParallelism())), '-T', String(o.seconds)]
  const host = u.searchParams.get('host') ?? u.hostname
  if (host) args.push('-h', host)
  if (u.port) args.push('-p', u.port)
  if (u.username) args.push('-U', decodeURIComponent(u.username))
  args.push(decodeURIComponent(u.pathname.slice(1)))
  // The password and TLS mode by environment, not on a command line others can read.
  const env = { ...process.env }
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password)
  const sslmode = u.searchParams.get('sslmode')
  if (sslmode) env.PGSSLMODE = sslmode
  const stdout = await run(join(o.pgBin, 'pgbench'), args, { env })
  const tps = /tps = ([\d.]+) \((?:without|excluding)/.exec(stdout)?.[1]
  const failed = /number of failed transactions: (\d+)/.exec(stdout)?.[1]
  if (!tps || (failed && failed !== '0')) throw new Error(`pgbench: no tps, or failed transactions:\n${stdout}`)
  return { tps: Number(tps), latencyMs: Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1] ?? NaN) }
}

/** The postgres user's ids when we are root (initdb refuses root), else null: run as ourselves. */
function postgresOwner(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim())
  const uid = id('-u')
  if (!Number.isInteger(uid) || uid <= 0) throw new Error('running as root without a `postgres` user: apt-get install postgresql creates it')
  return { uid, gid: id('-g') }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** Runs a program to its end: its stdout, or an error with what it printed. */
function run(cmd: string, args: string[], options: SpawnOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${cmd} exited with ${code}: ${`${stdout}\n${stderr}`.trim()}`))))
  })
}

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, 'log'), 'utf8').trim().split('\n').slice(-20).join('\n')
  } catch {
    return ''
  }
}
