import { PGlite } from '@electric-sql/pglite'
import { sql } from 'kysely'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, inject } from 'vitest'
import { connectPostgres, fromPglite, type Db, type DialectName } from '../../server/db/connect'
import { seedDemoIfEmpty } from '../../server/db/demo-seed'
import { migrateToLatest } from '../../server/db/migrate'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite with the demo organisation, dumped by the global setup. */
    pgliteTemplate: string | null
    /** The name of a migrated database on TEST_DATABASE_URL's server, made by the global setup. */
    postgresTemplate: string | null
  }
}

/** A migrated database for one test file: PGlite in memory, or a database of its own on a real server. */
export interface TestDb extends Db {
  /** Puts back the rows the database had when made (the demo organisation), and what `perFile` kept. */
  reset(): Promise<void>
  /**
   * Made on the first call in a file and kept for the rest of it: the people a file's tests act
   * as. The rows `make` wrote to `tables` become part of what every reset puts back, until the
   * file ends (`endFile`). `tables` must be as the reset left them when `make` runs (so call it
   * first in a test), or the kept rows would carry one test's leftovers into the next.
   */
  perFile<T>(key: string, tables: readonly string[], make: () => Promise<T>): Promise<T>
  /** Forgets what `perFile` kept: the next reset puts back the database as it was made. */
  endFile(): Promise<void>
}

/** Tables whose rows the tally triggers read, and the tables they write. */
const ITEM_TABLES = ['suggestions', 'assignments', 'suggestion_events']
const ITEM_SUMS = ['item_facts', 'item_tallies', 'item_open_tallies', 'item_answer_tallies']

/** The real PostgreSQL server to test against, from TEST_DATABASE_URL (set by .ci/run). */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL || null

/** `url` with another database name. */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

/**
 * Migrating costs seconds (a new PGlite alone 4–7 s here), so the global setup migrates once and
 * each file starts from a copy: PGlite loads the dumped folder, PostgreSQL copies a template database.
 */
export async function createTestDb(dialect: DialectName): Promise<TestDb> {
  let db: Db
  let drop = async () => {}
  if (dialect === 'pglite') {
    const template = inject('pgliteTemplate')
    db = fromPglite(template ? await PGlite.create({ loadDataDir: new Blob([readFileSync(template)]) }) : await PGlite.create())
    if (!template) await migrateToLatest(db.db)
  } else {
    if (!POSTGRES_URL) throw new Error('TEST_DATABASE_URL is not set')
    const template = inject('postgresTemplate')
    // Named after the template, so the global teardown finds and drops every copy.
    const name = `${template ?? 'yijian_test'}_${randomBytes(6).toString('hex')}`
    const admin = connectPostgres(POSTGRES_URL, { max: 1 })
    await sql.raw(`create database ${name}${template ? ` template ${template}` : ''}`).execute(admin.db)
    db = connectPostgres(databaseUrl(POSTGRES_URL, name), { max: 5 })
    if (!template) await migrateToLatest(db.db)
    drop = async () => {
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db)
      await admin.close()
    }
  }
  // The templates carry the demo organisation; without one (a run without the global setup) load it.
  if (!inject(dialect === 'pglite' ? 'pgliteTemplate' : 'postgresTemplate')) await seedDemoIfEmpty(db.db)
  const rows = await snapshot(db)
  let made = new Map<string, Promise<unknown>>()
  let kept: Saved[] = []
  const reset = () => rows.restore(kept)
  return {
    ...db,
    reset,
    perFile<T>(key: string, listed: readonly string[], make: () => Promise<T>): Promise<T> {
      let value = made.get(key) as Promise<T> | undefined
      // The sums the database keeps from items (migration 21) are kept with the items.
      const tables = listed.some((t) => ITEM_TABLES.includes(t)) ? [...new Set([...listed, ...ITEM_SUMS])] : listed
      if (!value) {
        value = (async () => {
          for (const table of tables) {
            if (!rows.asReset(await rows.take(table), kept)) throw new Error(`perFile(${key}): ${table} changed before it was called; call it first in the test`)
          }
          const result = await make()
          for (const table of tables) kept = [...kept.filter((k) => k.table !== table), await rows.take(table)]
          return result
        })()
        made.set(key, value)
      }
      return value
    },
    async endFile() {
      made = new Map()
      kept = []
      await reset()
    },
    close: async () => {
      await db.close()
      await drop()
    },
  }
}

interface Saved {
  table: string
  /** The table's rows as JSON, null when it has none. */
  json: string | null
}

/**
 * Takes the database's rows as they are now and returns a function that puts them back. One
 * statement per table in one transaction: about ten times quicker than TRUNCATE and reseeding
 * (which made new files for every table, a cost PGlite pays dearly), and every test of a file
 * sees the very same ids. Foreign keys are not checked while the rows are put back, since the
 * rows were consistent when taken; sequences restart as TRUNCATE … RESTART IDENTITY did.
 */
async function snapshot(db: Db) {
  const { rows: tables } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
      and table_name not like 'kysely_migration%'`.execute(db.db)
  const { rows: serials } = await sql<{ table_name: string; column_name: string; seq: string }>`
    select table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) as seq
    from information_schema.columns
    where table_schema = current_schema() and pg_get_serial_sequence(quote_ident(table_name), column_name) is not null`.execute(db.db)
  // Generated columns are computed again on insert.
  const { rows: written } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and is_generated = 'NEVER' order by ordinal_position`.execute(db.db)
  const columns = (table: string) => written.filter((c) => c.table_name === table).map((c) => c.column_name)
  const take = async (table: string): Promise<Saved> => {
    const { rows: [row] } = await sql<{ json: string | null }>`select json_agg(t)::text as json from ${sql.table(table)} t`.execute(db.db)
    return { table, json: row?.json ?? null }
  }
  const made = await Promise.all(tables.map((t) => take(t.table_name)))
  return {
    take,
    /** Whether `saved` holds the rows a reset gives the table (as made, or as kept). */
    asReset: (saved: Saved, kept: Saved[]) => (kept.find((k) => k.table === saved.table) ?? made.find((m) => m.table === saved.table))?.json === saved.json,
    /** Every table as made, but those in `kept` as kept. */
    restore: (kept: Saved[]) =>
      db.db.transaction().execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx)
        for (const { table_name } of tables) await sql`delete from ${sql.table(table_name)}`.execute(trx)
        for (const m of made) {
          const { table, json } = kept.find((k) => k.table === m.table) ?? m
          if (json === null) continue
          const list = sql.join(columns(table).map((c) => sql.ref(c)))
          // `overriding system value`: kept rows of a table with a GENERATED ALWAYS id (suggestion_events) keep their ids.
          await sql`insert into ${sql.table(table)} (${list}) overriding system value select ${list} from json_populate_recordset(null::${sql.table(table)}, ${json}::json)`.execute(trx)
        }
        // As RESTART IDENTITY: the next id is the first after the rows put back.
        for (const s of serials) {
          await sql`select setval(${s.seq}::regclass, coalesce((select max(${sql.ref(s.column_name)}) from ${sql.table(s.table_name)}), 0) + 1, false)`.execute(trx)
        }
      }),
  }
}

const shared = new Map<DialectName, Promise<TestDb>>()

/**
 * One database per dialect for every file this worker runs (files run one after another in a
 * worker, which is kept between files): loading a PGlite costs 2–3 s, copying a PostgreSQL
 * template 0.3–2 s, putting the rows back 5–100 ms. `close()` only ends the file; the
 * PostgreSQL copy is dropped by the global teardown.
 */
export function sharedTestDb(dialect: DialectName): Promise<TestDb> {
  let db = shared.get(dialect)
  if (!db) {
    db = createTestDb(dialect).then((t) => ({ ...t, close: () => t.endFile() }))
    // A failed start is not kept: the next file tries again.
    db.catch(() => shared.delete(dialect))
    shared.set(dialect, db)
  }
  return db
}

/** The dialects a database suite runs on. Postgres is listed always, and skipped (visibly) without a server. */
export const DIALECTS: DialectName[] = ['pglite', 'postgres']

/**
 * Declares `body` once per dialect, with a migrated database made before the suite and reset
 * before each test. The real-server run is skipped, and shows as skipped, when none is configured.
 */
export function describeEachDialect(name: string, body: (ctx: { db: () => TestDb; dialect: DialectName }) => void) {
  for (const dialect of DIALECTS) {
    const available = dialect === 'pglite' || POSTGRES_URL !== null
    describe.skipIf(!available)(`${name} [${dialect}]`, () => {
      let testDb: TestDb | undefined
      beforeAll(async () => {
        testDb = await sharedTestDb(dialect)
        await testDb.reset()
      }, 60_000)
      afterAll(async () => {
        await testDb?.endFile()
      })
      beforeEach(async () => {
        await testDb!.reset()
      })
      body({ db: () => testDb!, dialect })
    })
  }
}
