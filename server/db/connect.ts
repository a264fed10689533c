import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely'
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
  // One connection: Kysely's PGlite adapter lends it to one caller at a time (see pglite-serial.test.ts).
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) })
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
