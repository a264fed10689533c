import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('suggestion_events')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('suggestion_id', 'uuid', (col) => col.notNull().references('suggestions.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('actor_kind', 'text', (col) => col.notNull().check(sql`actor_kind in ('worker','officer','handler','leader','system')`))
    .addColumn('actor_user_id', 'uuid')
    .addColumn('note', 'text')
    .addColumn('public_text', 'text')
    .addColumn('is_public', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('data', 'jsonb')
    // clock_timestamp, not now(): several events written in one transaction keep their order.
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`clock_timestamp()`))
    .execute()
  await db.schema.createIndex('suggestion_events_item').on('suggestion_events').columns(['suggestion_id', 'id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('suggestion_events').execute()
}
