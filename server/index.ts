import { serve } from '@hono/node-server'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createApp } from './app'
import { pruneLimits } from './auth/rate-limit'
import { pruneSessions } from './auth/sessions'
import { describeConfig, loadConfig } from './config'
import { connectPglite, connectPostgres, type Db } from './db/connect'
import { seedDemoIfEmpty } from './db/demo-seed'
import { migrateToLatest } from './db/migrate'

// The entry file: the only place that reads the environment, migrates and listens.
const started = performance.now()
const config = loadConfig()
console.log('[config]', JSON.stringify(describeConfig(config)))

let database: Db
if (config.databaseUrl) {
  database = connectPostgres(config.databaseUrl)
} else {
  mkdirSync(config.dataDir, { recursive: true })
  database = await connectPglite(config.dataDir)
}
const applied = await migrateToLatest(database.db)
if (applied.length) console.log(`[db] applied ${applied.length} migration(s): ${applied.join(', ')}`)
const wantsDemo = config.seedDemo === 'yes' || (config.seedDemo === 'auto' && database.dialect === 'pglite')
if (wantsDemo && (await seedDemoIfEmpty(database.db))) console.log('[db] loaded the demo organisation')

// Without a build (e.g. `npm run serve` next to `npm run dev`) the API still runs.
const hasBuild = existsSync(join(config.staticDir, 'index.html'))
if (!hasBuild) console.warn(`[static] no built app in ${config.staticDir}: serving the API only (run "npm run build")`)
const app = createApp({
  db: database.db,
  dialect: database.dialect,
  version: config.version,
  staticDir: hasBuild ? config.staticDir : null,
  logRequests: config.logRequests,
  network: { trustProxy: config.trustProxy, publicOrigin: config.publicOrigin },
  publicRateLimit: config.publicRequestsPerMinute ? { max: config.publicRequestsPerMinute, windowMs: 60_000 } : null,
})
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const ms = Math.round(performance.now() - started)
  console.log(`有意见码上提 listening on http://${config.host}:${info.port} (${database.dialect}, ready in ${ms} ms)`)
})

// Expired sessions and old rate-limit windows are swept hourly; any process may do it.
const sweep = setInterval(() => {
  Promise.all([pruneSessions(database.db), pruneLimits(database.db)]).catch((err: unknown) => console.error('[db] sweep failed:', err))
}, 3600_000)
sweep.unref()

// Close the embedded database cleanly: PGlite writes its files on close.
let stopping = false
async function stop(signal: string) {
  if (stopping) return
  stopping = true
  console.log(`[server] ${signal}: stopping`)
  server.close()
  await database.close().catch((err: unknown) => console.error('[db] close failed:', err))
  process.exit(0)
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))
