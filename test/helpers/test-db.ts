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
  /** Empties every table and loads the demo organisation again. */
  reset(): Promise<void>
}

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
    const name = `test_${randomBytes(6).toString('hex')}`
    const admin = connectPostgres(POSTGRES_URL, { max: 1 })
    await sql.raw(`create database ${name}${template ? ` template ${template}` : ''}`).execute(admin.db)
    db = connectPostgres(databaseUrl(POSTGRES_URL, name), { max: 5 })
    if (!template) await migrateToLatest(db.db)
    drop = async () => {
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db)
      await admin.close()
    }
  }
  const tables = await appTables(db)
  // The categories as the migration seeded them, put back after each truncate (the tests that
  // compare them with shared/categories.ts thereby check the migration's seed).
  const seededCategories = await db.db.selectFrom('categories').selectAll().execute()
  const reset = async () => {
    await sql.raw(`truncate ${tables.join(', ')} restart identity cascade`).execute(db.db)
    await db.db.insertInto('categories').values(seededCategories).execute()
    await seedDemoIfEmpty(db.db)
  }
  // The templates carry the demo organisation; without one (a run without the global setup) load it.
  if (!inject(dialect === 'pglite' ? 'pgliteTemplate' : 'postgresTemplate')) await reset()
  return {
    ...db,
    reset,
    close: async () => {
      await db.close()
      await drop()
    },
  }
}

async function appTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
      and table_name not like 'kysely_migration%'`.execute(db.db)
  return rows.map((r) => r.table_name)
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
        testDb = await createTestDb(dialect)
      }, 60_000)
      afterAll(async () => {
        await testDb?.close()
      })
      beforeEach(async () => {
        await testDb!.reset()
      })
      body({ db: () => testDb!, dialect })
    })
  }
}
