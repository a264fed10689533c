import { sql, type Kysely } from 'kysely'
import type { Database } from './schema'

/** Asks the database for nothing: throws when it cannot answer. */
export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db)
}
