import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')

/** The real server (`server/index.ts`) in a process of its own, as `npm run serve` starts it. */
export interface ServerProcess {
  child: ChildProcess
  /** Everything it printed so far, stdout and stderr. */
  output(): string
  /** Resolves with the port once it listens. */
  ready: Promise<number>
  /** Resolves with the exit code (or signal) when it ends. */
  exited: Promise<number | string>
  /** Waits until the output matches `pattern`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>
  kill(signal?: NodeJS.Signals): void
}

/** A TypeScript entry of ours run by Node with tsx, as the npm scripts do. */
export function runTs(entry: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, entry), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
}

export function startServer(env: Record<string, string>): ServerProcess {
  const child = runTs('server/index.ts', [], {
    HOST: '127.0.0.1',
    PORT: '0',
    STATIC_DIR: resolve(ROOT, 'test/no-build-here'),
    LOG_REQUESTS: '0',
    SEED_DEMO: 'yes',
    ...env,
  })
  let out = ''
  const waiters: Array<() => void> = []
  const onData = (chunk: Buffer) => {
    out += chunk.toString('utf8')
    for (const w of [...waiters]) w()
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  const exited = new Promise<number | string>((res) => child.once('exit', (code, signal) => res(code ?? signal ?? -1)))
  const waitFor = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<void>((res, rej) => {
      const check = () => {
        if (!pattern.test(out)) return
        clearTimeout(timer)
        waiters.splice(waiters.indexOf(check), 1)
        res()
      }
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(check), 1)
        rej(new Error(`the server did not print ${pattern} in ${timeoutMs} ms; it printed:\n${out}`))
      }, timeoutMs)
      waiters.push(check)
      void exited.then(() => setTimeout(() => rej(new Error(`the server ended before printing ${pattern}:\n${out}`)), 50))
      check()
    })
  const ready = waitFor(/listening on http:\/\/[^:]+:(\d+)/).then(() => Number(/listening on http:\/\/[^:]+:(\d+)/.exec(out)![1]))
  return { child, output: () => out, ready, exited, waitFor, kill: (signal = 'SIGTERM') => void child.kill(signal) }
}

/** Ends a server that a test left running, without caring how. */
export async function stopServer(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return
  server.kill('SIGKILL')
  await server.exited
}
