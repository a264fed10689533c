import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { DEFAULT_PUBLIC_LIMITS, type PublicLimits } from './limits/policy'

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
  /** Proxies in front of the app whose X-Forwarded-* headers are believed (0: none). */
  trustProxy: number
  /** The public origin (e.g. https://yijian.example.com) when behind a proxy that rewrites Host. */
  publicOrigin: string | null
  /** Per-address budgets of the worker's routes; a `max` of 0 turns one off. */
  limits: PublicLimits
  /** Key of the rate-limit counters' HMAC, shared by every app process; null: random per process. */
  limiterKey: Buffer | null
  /** The deployment's fallback channel (a generic JSON webhook) for units with no channel up their tree. */
  notifyWebhookUrl: string | null
  version: string
}

type Env = Record<string, string | undefined>

/** Defaults, then the environment. The one place that reads `process.env`-like input. */
export function loadConfig(env: Env = process.env, root = process.cwd()): Config {
  const port = Number(env.PORT ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`)
  const seedDemo = (env.SEED_DEMO ?? 'auto') as Config['seedDemo']
  if (!['auto', 'yes', 'no'].includes(seedDemo)) throw new Error(`SEED_DEMO must be auto, yes or no, got "${env.SEED_DEMO}"`)
  if (env.RATE_LIMIT_PUBLIC_PER_MINUTE !== undefined) {
    throw new Error('RATE_LIMIT_PUBLIC_PER_MINUTE is gone: use RATE_LIMIT_SUBMIT_PER_MINUTE, RATE_LIMIT_TRACK_PER_MINUTE and RATE_LIMIT_ITEMS_PER_HOUR')
  }
  const d = DEFAULT_PUBLIC_LIMITS
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(root, env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || null,
    seedDemo,
    staticDir: resolve(root, env.STATIC_DIR ?? 'dist/client'),
    logRequests: env.LOG_REQUESTS !== '0',
    limits: {
      submit: { ...d.submit, max: nonNegative(env.RATE_LIMIT_SUBMIT_PER_MINUTE ?? String(d.submit.max), 'RATE_LIMIT_SUBMIT_PER_MINUTE') },
      track: { ...d.track, max: nonNegative(env.RATE_LIMIT_TRACK_PER_MINUTE ?? String(d.track.max), 'RATE_LIMIT_TRACK_PER_MINUTE') },
      items: { ...d.items, max: nonNegative(env.RATE_LIMIT_ITEMS_PER_HOUR ?? String(d.items.max), 'RATE_LIMIT_ITEMS_PER_HOUR') },
      photos: { ...d.photos, max: nonNegative(env.RATE_LIMIT_PHOTO_CHUNKS_PER_MINUTE ?? String(d.photos.max), 'RATE_LIMIT_PHOTO_CHUNKS_PER_MINUTE') },
    },
    limiterKey: limiterKey(env.RATE_LIMIT_KEY),
    trustProxy: proxyHops(env.TRUST_PROXY),
    publicOrigin: env.PUBLIC_ORIGIN ? new URL(env.PUBLIC_ORIGIN).origin : null,
    notifyWebhookUrl: webhookUrl(env.NOTIFY_WEBHOOK_URL),
    version: readVersion(root),
  }
}

/** The configuration for the start-up log, with the database password and the limiter key masked. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    ...config,
    databaseUrl: config.databaseUrl?.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@') ?? null,
    limiterKey: config.limiterKey ? '***' : 'random per process',
    // A webhook's address is its password (企业微信's key is in the query).
    notifyWebhookUrl: config.notifyWebhookUrl ? `${new URL(config.notifyWebhookUrl).origin}/***` : null,
  }
}

function nonNegative(value: string, name: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`)
  return n
}

/** `0`/`false`: no proxy; `1`/`true`: one; `N`: that many proxies in a row, each appending to X-Forwarded-For. */
function proxyHops(value: string | undefined): number {
  if (value === undefined || value === '' || value === 'false') return 0
  if (value === 'true') return 1
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 10) throw new Error(`TRUST_PROXY must be 0 to 10 (the proxies in front of the app), got "${value}"`)
  return n
}

function webhookUrl(value: string | undefined): string | null {
  if (!value) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`NOTIFY_WEBHOOK_URL must be an http(s) address, got "${value}"`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`NOTIFY_WEBHOOK_URL must be an http(s) address, got "${value}"`)
  return url.toString()
}

function limiterKey(value: string | undefined): Buffer | null {
  if (!value) return null
  if (value.length < 32) throw new Error('RATE_LIMIT_KEY must be at least 32 characters (e.g. `openssl rand -hex 32`)')
  return createHash('sha256').update(value).digest()
}

function readVersion(root: string): string {
  try {
    return (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    return '0.0.0'
  }
}
