import { PGlite } from '@electric-sql/pglite'
import { sql } from 'kysely'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { connectPostgres, fromPglite, type Db } from '../server/db/connect'
import { seedDemoIfEmpty } from '../server/db/demo-seed'
import { migrateToLatest } from '../server/db/migrate'
import { databaseUrl, POSTGRES_URL } from './helpers/test-db'

/**
 * Once per run: build the app for the browser tests (from the code under test), and migrate one
 * database per dialect that every test file copies (migrating each file's own costs seconds).
 * E2E_SKIP_BUILD=1 reuses dist/client (for quick local reruns).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now()
  const built = process.env.E2E_SKIP_BUILD === '1' ? Promise.resolve() : build()
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
  await built
  console.log(`[setup] built the app and migrated the template databases in ${Date.now() - started} ms`)

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

// Vitest sets NODE_ENV=test, which would make Vite build a development bundle (no service worker).
function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } })
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build failed (${code})`))))
  })
}
