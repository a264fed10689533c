import type { Config } from '../config'
import { connectPglite, connectPostgres, type Db } from './connect'
import { seedDemoIfEmpty } from './demo-seed'
import { migrateToLatest } from './migrate'
import { isDatabaseUnavailable } from './unavailable'

export interface OpenOptions {
  /** Who opens it, named in the embedded folder's lock ("server", "user command"). */
  holder: string
  /** Keep trying while a PostgreSQL server is not up yet (the server does; a command fails at once). */
  waitForServer?: boolean
  log?: (line: string) => void
  /** Pause between attempts; tests shorten it. */
  retryMs?: (attempt: number) => number
  /** Connections in the pool (the command needs one). */
  poolSize?: number
}

/**
 * The configured database, as the server and the account command both open it: connected,
 * migrated, and with the demo organisation where the configuration asks for it.
 */
export async function openDatabase(config: Config, options: OpenOptions): Promise<Db> {
  const log = options.log ?? ((line: string) => console.log(line))
  const database = config.databaseUrl
    ? connectPostgres(config.databaseUrl, { max: options.poolSize })
    : await connectPglite(config.dataDir, options.holder)
  try {
    const applied = await retrying(() => migrateToLatest(database.db), options, log)
    if (applied.length) log(`[db] applied ${applied.length} migration(s): ${applied.join(', ')}`)
    const wantsDemo = config.seedDemo === 'yes' || (config.seedDemo === 'auto' && database.dialect === 'pglite')
    if (wantsDemo && (await seedDemoIfEmpty(database.db))) log('[db] loaded the demo organisation')
    return database
  } catch (err) {
    await database.close().catch(() => {})
    throw err
  }
}

const defaultRetryMs = (attempt: number) => Math.min(10_000, 500 * 2 ** attempt)

/** Runs `work` until the database answers; an error that is not "unavailable" ends it at once. */
async function retrying<T>(work: () => Promise<T>, options: OpenOptions, log: (line: string) => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work()
    } catch (err) {
      if (!options.waitForServer || !isDatabaseUnavailable(err)) throw err
      const wait = (options.retryMs ?? defaultRetryMs)(attempt)
      log(`[db] the database does not answer yet (${err instanceof Error ? err.message : String(err)}); trying again in ${wait} ms`)
      await new Promise((resolve) => setTimeout(resolve, wait))
    }
  }
}
