import { PGlite } from '@electric-sql/pglite'
import {
  Kysely,
  PGliteDialect,
  PostgresDialect,
  type DatabaseConnection,
  type Driver,
} from 'kysely'
import pg from 'pg'
import type { Database } from './schema'

export type DialectName = 'pglite' | 'postgres'

export interface Db {
  db: Kysely<Database>
  dialect: DialectName
  close(): Promise<void>
}

/** Embedded PostgreSQL in `dataDir` (a folder, or `memory://` for a throwaway one). */
export async function connectPglite(dataDir: string): Promise<Db> {
  const pglite = await PGlite.create(dataDir)
  return fromPglite(pglite)
}

export function fromPglite(pglite: PGlite): Db {
  const db = new Kysely<Database>({ dialect: new SerialPGliteDialect({ pglite }) })
  return { db, dialect: 'pglite', close: () => db.destroy() }
}

/** A PostgreSQL server; `searchPath` confines every connection to one schema (tests use it). */
export function connectPostgres(url: string, options: { searchPath?: string; max?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  })
  // An idle client that loses its server must not crash the process.
  pool.on('error', (err) => console.error('[db] idle client error:', err.message))
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { db, dialect: 'postgres', close: () => db.destroy() }
}

/**
 * PGlite has one connection, and Kysely's PGlite driver hands it to every caller at once, so a
 * query from one request could land inside another request's open transaction. This dialect
 * lends the connection to one caller at a time, as Kysely's SQLite driver does.
 */
class SerialPGliteDialect extends PGliteDialect {
  override createDriver(): Driver {
    return new SerialDriver(super.createDriver())
  }
}

class SerialDriver implements Driver {
  #queue: Promise<void> = Promise.resolve()
  #release: (() => void) | null = null

  constructor(private readonly inner: Driver) {}

  init(...args: Parameters<Driver['init']>) {
    return this.inner.init(...args)
  }

  async acquireConnection(...args: Parameters<Driver['acquireConnection']>): Promise<DatabaseConnection> {
    const previous = this.#queue
    let release!: () => void
    this.#queue = new Promise<void>((resolve) => (release = resolve))
    await previous
    this.#release = release
    try {
      return await this.inner.acquireConnection(...args)
    } catch (error) {
      this.#release = null
      release()
      throw error
    }
  }

  async releaseConnection(...args: Parameters<Driver['releaseConnection']>): Promise<void> {
    await this.inner.releaseConnection(...args)
    const release = this.#release
    this.#release = null
    release?.()
  }

  beginTransaction(connection: DatabaseConnection, settings: Parameters<Driver['beginTransaction']>[1]) {
    return this.inner.beginTransaction(connection, settings)
  }

  commitTransaction(connection: DatabaseConnection) {
    return this.inner.commitTransaction(connection)
  }

  rollbackTransaction(connection: DatabaseConnection) {
    return this.inner.rollbackTransaction(connection)
  }

  savepoint(...args: Parameters<NonNullable<Driver['savepoint']>>) {
    return this.inner.savepoint!(...args)
  }

  rollbackToSavepoint(...args: Parameters<NonNullable<Driver['rollbackToSavepoint']>>) {
    return this.inner.rollbackToSavepoint!(...args)
  }

  releaseSavepoint(...args: Parameters<NonNullable<Driver['releaseSavepoint']>>) {
    return this.inner.releaseSavepoint!(...args)
  }

  destroy(...args: Parameters<Driver['destroy']>) {
    return this.inner.destroy(...args)
  }
}
