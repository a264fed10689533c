/**
 * App processes for `bench/sustained.ts`: `node --import tsx server/index.ts`, spawned directly
 * so that the child's pid is the process serving (`npx tsx` would put a wrapper in between and
 * its RSS would say nothing), on a port the system picks.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'

export interface AppProcess {
  name: string
  pid: number
  port: number
  /** Lines the process wrote to stderr (errors it logged), and its last lines of stdout. */
  stderr: string[]
  stdout: string[]
  /** Resident memory in MiB, from /proc/<pid>/status. */
  rssMb(): number
  /** CPU time used so far, user and system, in seconds. */
  cpuS(): number
  /** SIGTERM (the server finishes what is in flight), then waits for it to exit. */
  stop(): Promise<number | null>
}

const KEEP = 200

export async function startApp(name: string, root: string, env: Record<string, string>, timeoutMs = 60_000): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const stdout: string[] = []
  const stderr: string[] = []
  const keep = (into: string[]) => (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) into.push(line)
    if (into.length > KEEP) into.splice(0, into.length - KEEP)
  }
  child.stderr!.on('data', keep(stderr))
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: not listening after ${timeoutMs} ms\n${stderr.join('\n')}`)), timeoutMs)
    child.once('exit', (code) => reject(new Error(`${name}: exited with ${code} before listening\n${[...stdout, ...stderr].join('\n')}`)))
    let head: string | null = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      keep(stdout)(chunk)
      if (head === null) return
      head += chunk.toString('utf8')
      const m = /listening on http:\/\/\S+:(\d+)/.exec(head)
      if (m) {
        head = null
        clearTimeout(timer)
        resolve(Number(m[1]))
      }
    })
  }).catch((err: unknown) => {
    child.kill('SIGKILL')
    throw err
  })
  child.removeAllListeners('exit')
  await waitHealthy(name, port, timeoutMs).catch((err: unknown) => {
    child.kill('SIGKILL')
    throw err
  })
  return {
    name,
    pid: child.pid!,
    port,
    stdout,
    stderr,
    rssMb: () => rssMb(child.pid!),
    cpuS: () => cpuS(child.pid!),
    stop: () => stopChild(child),
  }
}

async function waitHealthy(name: string, port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`)
      const body = (await res.json()) as { ok?: boolean; database?: string }
      if (res.ok && body.ok && body.database === 'postgres') return
    } catch {
      // Not answering yet.
    }
    if (Date.now() > until) throw new Error(`${name}: /api/health not ok after ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

export function rssMb(pid: number): number {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (!m) throw new Error(`no VmRSS for pid ${pid}`)
  return Number(m[1]) / 1024
}

// utime and stime are fields 14 and 15, counted after the parenthesised command name.
export function cpuS(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
}

// sysconf(_SC_CLK_TCK), 100 on Linux everywhere this runs.
const CLOCK_TICKS = 100

function stopChild(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.once('exit', (code) => {
      clearTimeout(force)
      resolve(code)
    })
    child.kill('SIGTERM')
  })
}
