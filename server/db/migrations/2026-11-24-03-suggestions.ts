import { sql, type Kysely } from 'kysely'

// The statuses are copied from shared/lifecycle.ts as they were when this migration was
// written; test/server/db/schema.test.ts fails if the constraint and the shared table differ.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('suggestions')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('follow_up_hash', 'text', (col) => col.notNull())
    .addColumn('payload_hash', 'text', (col) => col.notNull())
    .addColumn('entry_point_id', 'uuid', (col) => col.notNull().references('entry_points.id').onDelete('restrict'))
    .addColumn('unit_id', 'uuid', (col) => col.notNull().references('org_units.id').onDelete('restrict'))
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('content', 'text', (col) => col.notNull().check(sql`char_length(content) between 1 and 2000`))
    .addColumn('anonymous', 'boolean', (col) => col.notNull())
    .addColumn('submitter_name', 'text')
    .addColumn('submitter_employee_no', 'text')
    .addColumn('submitter_phone', 'text')
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('submitted'))
    .addColumn('device_created_at', 'timestamptz', (col) => col.notNull())
    // Millisecond precision, as JavaScript dates have: a page cursor built from one finds its row again.
    .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`date_trunc('milliseconds', now())`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`date_trunc('milliseconds', now())`))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('merged_into', 'uuid', (col) => col.references('suggestions.id').onDelete('restrict'))
    .addCheckConstraint(
      'suggestions_status_check',
      sql`status in ('submitted','accepted','dispatched','reported','replied','closed','merged','declined')`,
    )
    // An anonymous item carries no identity at all, whatever the application does.
    .addCheckConstraint(
      'suggestions_anonymous_no_identity',
      sql`not anonymous or (submitter_name is null and submitter_employee_no is null and submitter_phone is null)`,
    )
    .addCheckConstraint('suggestions_named_has_name', sql`anonymous or submitter_name is not null`)
    .addCheckConstraint('suggestions_merged_has_target', sql`(status = 'merged') = (merged_into is not null)`)
    .execute()
  await db.schema.createIndex('suggestions_follow_up_hash').on('suggestions').column('follow_up_hash').unique().execute()
  await db.schema.createIndex('suggestions_unit_received').on('suggestions').columns(['unit_id', 'received_at']).execute()
  await db.schema.createIndex('suggestions_status').on('suggestions').column('status').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('suggestions').execute()
}
