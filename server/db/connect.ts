import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely'
import pg from 'pg'
import { lockDataFolder } from './folder-lock'
import type { Database } from './schema'

export type DialectName = 'pglite' | 'postgres'

export interface Db {
  db: Kysely<Database>
  dialect: DialectName
  close(): Promise<void>
}

/**
 * Embedded PostgreSQL in `dataDir` (a folder, or `memory://` for a throwaway one). A folder is
 * opened by one process at a time: `holder` says who holds it, for the message a second opener reads.
 */
export async function connectPglite(dataDir: string, holder = 'server'): Promise<Db> {
  if (dataDir.startsWith('memory://')) return fromPglite(await PGlite.create(dataDir))
  const lock = lockDataFolder(dataDir, holder)
  try {
    const database = fromPglite(await PGlite.create(dataDir))
    return { ...database, close: () => database.close().finally(() => lock.release()) }
  } catch (err) {
    lock.release()
    throw err
  }
}

export function fromPglite(pglite: PGlite): Db {
  // One connection: Kysely's PGlite adapter lends it to one caller at a time (see pglite-serial.test.ts).
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) })
  return { db, dialect: 'pglite', close: () => db.destroy() }
}

export interface PostgresOptions {
  /** Confines every connection to one schema (tests use it). */
  searchPath?: string
  max?: number
  /** How long a request waits for a connection before it is answered 503 (default 5 s). */
  connectTimeoutMs?: number
  /** Where a lost connection is reported; the process never ends because of one. */
  onConnectionError?: (err: Error) => void
}

/** A PostgreSQL server through a pool that survives restarts, failovers and terminated backends. */
export function connectPostgres(url: string, options: PostgresOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    // A peer that vanished without closing (a failover, a dropped route) is found within a minute.
    keepAlive: true,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  })
  const report = options.onConnectionError ?? ((err: Error) => console.error(`[db] connection lost: ${err.message}`))
  // A client emits 'error' when its server goes away between queries, checked out or idle. Without a
  // listener Node ends the process; with one, the pool drops the client and the next request opens a
  // new one. The pool's own 'error' (idle clients) is the same event, already reported here.
  pool.on('connect', (client) => client.on('error', report))
  pool.on('error', () => {})
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { db, dialect: 'postgres', close: () => db.destroy() }
}
