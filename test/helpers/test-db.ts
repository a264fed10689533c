import { PGlite } from '@electric-sql/pglite'
import { sql } from 'kysely'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe } from 'vitest'
import { connectPostgres, fromPglite, type Db, type DialectName } from '../../server/db/connect'
import { seedDemoIfEmpty } from '../../server/db/demo-seed'
import { migrateToLatest } from '../../server/db/migrate'

/** A migrated database for one test file: PGlite in memory, or a private schema on a real server. */
export interface TestDb extends Db {
  /** Empties every table and loads the demo organisation again. */
  reset(): Promise<void>
}

/** The real PostgreSQL server to test against, from TEST_DATABASE_URL (set by .ci/run). */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL || null

export async function createTestDb(dialect: DialectName): Promise<TestDb> {
  let db: Db
  let dropSchema = async () => {}
  if (dialect === 'pglite') {
    db = fromPglite(await PGlite.create())
  } else {
    if (!POSTGRES_URL) throw new Error('TEST_DATABASE_URL is not set')
    // A schema per test file, so files can run in parallel on one server.
    const schema = `test_${randomBytes(6).toString('hex')}`
    const admin = connectPostgres(POSTGRES_URL, { max: 1 })
    await sql.raw(`create schema ${schema}`).execute(admin.db)
    db = connectPostgres(POSTGRES_URL, { searchPath: schema, max: 5 })
    dropSchema = async () => {
      await sql.raw(`drop schema ${schema} cascade`).execute(admin.db)
      await admin.close()
    }
  }
  await migrateToLatest(db.db)
  const tables = await appTables(db)
  const reset = async () => {
    await sql.raw(`truncate ${tables.join(', ')} restart identity cascade`).execute(db.db)
    await seedDemoIfEmpty(db.db)
  }
  await reset()
  return {
    ...db,
    reset,
    close: async () => {
      await db.close()
      await dropSchema()
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
