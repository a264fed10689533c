import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

export interface Config {
  port: number
  host: string
  /** Folder of the embedded database, used when `databaseUrl` is not set. */
  dataDir: string
  databaseUrl: string | null
  /** Load the demo organisation into an empty database: `auto` does so for the embedded one only. */
  seedDemo: 'auto' | 'yes' | 'no'
  staticDir: string
  logRequests: boolean
  /** Believe X-Forwarded-* headers: set only behind a reverse proxy that sets them. */
  trustProxy: boolean
  /** The public origin (e.g. https://yijian.example.com) when behind a proxy that rewrites Host. */
  publicOrigin: string | null
  /** Public write requests (submissions, tracking) one address may make per minute; 0 for no limit. */
  publicRequestsPerMinute: number
  version: string
}

type Env = Record<string, string | undefined>

/** Defaults, then the environment. The one place that reads `process.env`-like input. */
export function loadConfig(env: Env = process.env, root = process.cwd()): Config {
  const port = Number(env.PORT ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`)
  const seedDemo = (env.SEED_DEMO ?? 'auto') as Config['seedDemo']
  if (!['auto', 'yes', 'no'].includes(seedDemo)) throw new Error(`SEED_DEMO must be auto, yes or no, got "${env.SEED_DEMO}"`)
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(root, env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || null,
    seedDemo,
    staticDir: resolve(root, env.STATIC_DIR ?? 'dist/client'),
    logRequests: env.LOG_REQUESTS !== '0',
    publicRequestsPerMinute: nonNegative(env.RATE_LIMIT_PUBLIC_PER_MINUTE ?? '60', 'RATE_LIMIT_PUBLIC_PER_MINUTE'),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    publicOrigin: env.PUBLIC_ORIGIN ? new URL(env.PUBLIC_ORIGIN).origin : null,
    version: readVersion(root),
  }
}

/** The configuration for the start-up log, with the database password masked. */
export function describeConfig(config: Config): Record<string, unknown> {
  return { ...config, databaseUrl: config.databaseUrl?.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@') ?? null }
}

function nonNegative(value: string, name: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`)
  return n
}

function readVersion(root: string): string {
  try {
    return (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    return '0.0.0'
  }
}
