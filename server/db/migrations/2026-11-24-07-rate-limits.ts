import { sql, type Kysely } from 'kysely'

// Fixed-window counters shared by every app process (login throttling, submission limits).
// Keys never hold a raw address: callers hash it first.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('window_start', 'timestamptz', (col) => col.notNull())
    .addColumn('count', 'integer', (col) => col.notNull())
    .execute()
  await db.schema
    .createTable('server_secrets')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .execute()
  await sql`insert into server_secrets (name, value)
    values ('address_salt', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute()
  await db.schema.dropTable('server_secrets').execute()
}
