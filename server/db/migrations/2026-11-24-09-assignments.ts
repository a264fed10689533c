import { sql, type Kysely } from 'kysely'

// A dispatch of an item to one unit, with its supervising leader, responsible person and
// deadline, and what the unit reported back. An item may have several.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assignments')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('suggestion_id', 'uuid', (col) => col.notNull().references('suggestions.id').onDelete('cascade'))
    .addColumn('unit_id', 'uuid', (col) => col.notNull().references('org_units.id').onDelete('restrict'))
    .addColumn('leader_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('restrict'))
    .addColumn('responsible_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('restrict'))
    .addColumn('deadline', 'timestamptz', (col) => col.notNull())
    .addColumn('instructions', 'text', (col) => col.check(sql`char_length(instructions) <= 2000`))
    .addColumn('state', 'text', (col) => col.notNull().defaultTo('open').check(sql`state in ('open','reported')`))
    .addColumn('outcome', 'text', (col) => col.check(sql`outcome in ('completed','partial','cannot')`))
    .addColumn('report_text', 'text', (col) => col.check(sql`char_length(report_text) <= 2000`))
    .addColumn('reported_at', 'timestamptz')
    .addColumn('reported_by', 'uuid', (col) => col.references('users.id').onDelete('restrict'))
    .addColumn('created_by', 'uuid', (col) => col.notNull().references('users.id').onDelete('restrict'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'assignments_report_complete',
      sql`(state = 'open') = (outcome is null and reported_at is null)`,
    )
    .execute()
  await db.schema.createIndex('assignments_item').on('assignments').column('suggestion_id').execute()
  await db.schema.createIndex('assignments_unit').on('assignments').column('unit_id').execute()
  await db.schema.createIndex('assignments_open_deadline').on('assignments').columns(['state', 'deadline']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assignments').execute()
}
