import { sql, type Kysely } from 'kysely'

// Anonymity against a copy of the database. Rate-limit counters are keyed by an HMAC whose key
// lives only in the app processes, carry only their window's end, and are deleted when it ends:
// the old table (salted address hashes, the salt in `server_secrets`, exact window starts, kept
// 24 h) goes with its salt. Anonymous items keep only the day the device made them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute()
  await db.schema.dropTable('server_secrets').execute()
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('count', 'integer', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('rate_limits_expires_at').on('rate_limits').column('expires_at').execute()
  await sql`update suggestions
    set device_created_at = date_trunc('day', device_created_at at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'
    where anonymous`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute()
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
}
