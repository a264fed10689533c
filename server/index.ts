import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createApp } from './app'
import { describeConfig, loadConfig } from './config'
import { FolderLockedError } from './db/folder-lock'
import { openDatabase } from './db/open'
import { startSweeper } from './jobs/sweeper'
import { listen } from './http/listen'
import { SetupToken } from './auth/setup-token'
import { needsFirstAdmin } from './domain/first-admin'
import { startupGuide } from './jobs/startup-guide'
import { planDue } from './jobs/notify-planner'
import { Notifier } from './notify/sender'

// The entry file: the only place that reads the environment, migrates and listens.
const started = performance.now()
const config = loadConfig()
console.log('[config]', JSON.stringify(describeConfig(config)))

// A stray promise must not take every worker's connection down with it; it is a bug to log.
process.on('unhandledRejection', (reason) => console.error('[server] unhandled rejection (still running):', reason))

const database = await openDatabase(config, { holder: 'server', waitForServer: true }).catch((err: unknown) => {
  console.error(err instanceof FolderLockedError ? err.message : err)
  process.exit(1)
})

// Without a build (e.g. `npm run serve` next to `npm run dev`) the API still runs.
const hasBuild = existsSync(join(config.staticDir, 'index.html'))
if (!hasBuild) console.warn(`[static] no built app in ${config.staticDir}: serving the API only (run "npm run build")`)
// A fresh install prints a one-time link that creates the first admin in the browser.
const setupToken = (await needsFirstAdmin(database.db)) ? new SetupToken() : null
// Messages link to the item's page: on PUBLIC_ORIGIN when set (what people's phones can reach).
const notifier = new Notifier(database.db, { origin: config.publicOrigin, fallbackUrl: config.notifyWebhookUrl })
const app = createApp({
  db: database.db,
  dialect: database.dialect,
  version: config.version,
  staticDir: hasBuild ? config.staticDir : null,
  logRequests: config.logRequests,
  network: { trustProxy: config.trustProxy, publicOrigin: config.publicOrigin },
  limits: config.limits,
  limiterKey: config.limiterKey,
  setupToken,
  notifier,
})
const http = listen(app, { port: config.port, hostname: config.host }, (port) => {
  const ms = Math.round(performance.now() - started)
  console.log(`有意见码上提 listening on http://${config.host}:${port} (${database.dialect}, ready in ${ms} ms)`)
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  void startupGuide(database.db, config.publicOrigin ?? `http://${shown}:${port}`, setupToken?.value ?? null, config.publicOrigin).then(
    (guide) => console.log(guide),
    () => undefined,
  )
})
const sweeper = startSweeper(database.db)
notifier.start(() => planDue(database.db, new Date()))
if (!config.publicOrigin) console.warn('[notify] PUBLIC_ORIGIN is not set: messages to work groups carry no link to the item')

// Stop accepting, let requests in flight finish, then close the database (PGlite writes its
// files and frees the folder) and exit. A second signal ends it at once.
let stopping = false
async function stop(signal: string) {
  if (stopping) {
    console.error(`[server] ${signal} again: exiting now`)
    process.exit(1)
  }
  stopping = true
  console.log(`[server] ${signal}: no new requests; finishing those in flight`)
  sweeper.stop()
  await notifier.stop()
  await http.close()
  await database.close().catch((err: unknown) => console.error('[db] close failed:', err))
  console.log('[server] stopped')
  process.exit(0)
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))
