import { PGlite } from '@electric-sql/pglite'
import { sql } from 'kysely'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { connectPostgres, fromPglite, type Db } from '../server/db/connect'
import { seedDemoIfEmpty } from '../server/db/demo-seed'
import { migrateToLatest } from '../server/db/migrate'
import { databaseUrl, POSTGRES_URL } from './helpers/test-db'

/**
 * Once per run: migrate one database per dialect that every test file copies (migrating each
 * file's own costs seconds). The app is built by the first test that serves it (helpers/build.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now()
  const dir = mkdtempSync(join(tmpdir(), 'yj-test-template-'))
  const pgliteFile = join(dir, 'pglite.tar')
  const pg = await PGlite.create()
  const pglite = fromPglite(pg)
  await prepare(pglite)
  const blob = await pg.dumpDataDir('none')
  writeFileSync(pgliteFile, Buffer.from(await blob.arrayBuffer()))
  await pglite.close()
  project.provide('pgliteTemplate', pgliteFile)

  let postgresTemplate: string | null = null
  if (POSTGRES_URL) {
    postgresTemplate = `yijian_template_${process.pid}`
    const admin = connectPostgres(POSTGRES_URL, { max: 1 })
    await sql.raw(`drop database if exists ${postgresTemplate} with (force)`).execute(admin.db)
    await sql.raw(`create database ${postgresTemplate}`).execute(admin.db)
    const template = connectPostgres(databaseUrl(POSTGRES_URL, postgresTemplate), { max: 1 })
    await prepare(template)
    await template.close()
    await admin.close()
  }
  project.provide('postgresTemplate', postgresTemplate)
  project.provide('buildLock', join(dir, 'build'))
  console.log(`[setup] migrated the template databases in ${Date.now() - started} ms`)

  return async () => {
    rmSync(dir, { recursive: true, force: true })
    if (postgresTemplate && POSTGRES_URL) {
      const admin = connectPostgres(POSTGRES_URL, { max: 1 })
      // The workers' copies (named after the template) first, then the template.
      const { rows } = await sql<{ datname: string }>`select datname from pg_database where starts_with(datname, ${postgresTemplate + '_'})`.execute(admin.db)
      for (const { datname } of [...rows, { datname: postgresTemplate }]) {
        await sql.raw(`drop database if exists ${datname} with (force)`).execute(admin.db)
      }
      await admin.close()
    }
  }
}

async function prepare(database: Db): Promise<void> {
  await migrateToLatest(database.db)
  await seedDemoIfEmpty(database.db)
}
