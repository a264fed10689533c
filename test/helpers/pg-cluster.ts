import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A PostgreSQL server of the test's own, on loopback in a temp folder, that the test may stop
 * and start (a restart, an outage). Needs the server binaries (`.ci/run` installs them); as root
 * it runs them as the `postgres` user, since initdb refuses root.
 */
export interface Cluster {
  url: string
  port: number
  start(): void
  stop(): void
  destroy(): void
}

/** The newest installed server's bin folder, or null. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(a) - Number(b))
  return versions.length ? join(root, versions.at(-1)!, 'bin') : null
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export async function createCluster(): Promise<Cluster> {
  const bin = postgresBin()
  if (!bin) throw new Error('no PostgreSQL server binaries in /usr/lib/postgresql/*/bin')
  const dir = mkdtempSync(join(tmpdir(), 'yj-cluster-'))
  const asRoot = process.getuid?.() === 0
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), 0)
  const run = (program: string, args: string[]) => {
    const command = [join(bin, program), ...args]
    if (asRoot) execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command.map(quote).join(' ')], { stdio: 'pipe' })
    else execFileSync(command[0]!, command.slice(1), { stdio: 'pipe' })
  }
  const port = await freePort()
  const data = join(dir, 'data')
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8'])
  const cluster: Cluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: () => run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off`, 'start']),
    stop: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    destroy: () => {
      try {
        cluster.stop()
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
  cluster.start()
  return cluster
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`
